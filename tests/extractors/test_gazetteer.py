"""The gazetteer of local authorities (extractors/data/local_authorities.csv)."""
from __future__ import annotations

import csv
import re
from datetime import date

import pytest

from extractors.gazetteer import Gazetteer, core_name, load_gazetteer, normalise, read_entries
from extractors.meta_records import Authority


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_rows_are_well_formed(gaz):
    entries = gaz.all()
    codes = [e.code for e in entries]
    assert len(codes) == len(set(codes))
    prefix_types = {"E06": {"unitary", "sui_generis"}, "E08": {"metropolitan_district"},
                    "E09": {"london_borough", "sui_generis"}, "E10": {"county"}}
    for e in entries:
        assert re.fullmatch(r"E(06|08|09|10)\d{6}", e.code), e.code
        assert e.type in prefix_types[e.code[:3]], e
        assert e.valid_from is None or e.valid_to is None or e.valid_from < e.valid_to
        for successor in e.replaced_by:
            follower = gaz.entry(successor)
            assert follower is not None and e.valid_to is not None
            assert follower.valid_from == date.fromordinal(e.valid_to.toordinal() + 1), (e, follower)


def test_how_many_authorities_existed_when(gaz):
    today = gaz.valid_on(date(2024, 1, 1))
    assert len(today) == 153
    counts = {p: sum(e.code.startswith(p) for e in today) for p in ("E06", "E08", "E09", "E10")}
    assert counts == {"E06": 63, "E08": 36, "E09": 33, "E10": 21}
    assert len(gaz.valid_on(date(2018, 6, 1))) == 152
    assert len(gaz.valid_on(date(2019, 4, 1))) == 151  # Bournemouth, Poole and Dorset CC became BCP and Dorset
    assert len(gaz.valid_on(date(2020, 4, 1))) == 151  # Buckinghamshire recoded as a unitary
    assert len(gaz.valid_on(date(2021, 4, 1))) == 152  # Northamptonshire split in two
    assert len(gaz.valid_on(date(2023, 4, 1))) == 153  # Cumbria split in two; North Yorkshire, Somerset recoded


@pytest.mark.parametrize("code, valid_to, successors", [
    ("E10000021", date(2021, 3, 31), ("E06000061", "E06000062")),
    ("E10000006", date(2023, 3, 31), ("E06000063", "E06000064")),
    ("E06000028", date(2019, 3, 31), ("E06000058",)),
    ("E06000029", date(2019, 3, 31), ("E06000058",)),
    ("E10000009", date(2019, 3, 31), ("E06000059",)),
    ("E10000023", date(2023, 3, 31), ("E06000065",)),
    ("E10000027", date(2023, 3, 31), ("E06000066",)),
    ("E10000002", date(2020, 3, 31), ("E06000060",)),
])
def test_reorganisations(gaz, code, valid_to, successors):
    entry = gaz.entry(code)
    assert entry.valid_to == valid_to and entry.replaced_by == successors
    day_after = date.fromordinal(valid_to.toordinal() + 1)
    assert entry.valid_on(valid_to) and not entry.valid_on(day_after)
    assert all(gaz.entry(s).valid_on(day_after) for s in successors)


@pytest.mark.parametrize("name, code", [
    ("London Borough of Barnet", "E09000003"),
    ("Barnet Council", "E09000003"),
    ("Kingston upon Hull City Council", "E06000010"),
    ("Kingston Upon Hull, City of", "E06000010"),
    ("Hull", "E06000010"),
    ("Bristol, City of", "E06000023"),
    ("City of Bristol", "E06000023"),
    ("Bristol City Council", "E06000023"),
    ("Royal Borough of Kensington and Chelsea", "E09000020"),
    ("the Royal Borough of Kensington & Chelsea", "E09000020"),
    ("Herefordshire, County of", "E06000019"),
    ("St Helens", "E08000013"),
    ("St. Helens", "E08000013"),
    ("Southend", "E06000033"),
    ("Southend-on-Sea", "E06000033"),
    ("Telford & Wrekin", "E06000020"),
    ("Telford and Wrekin", "E06000020"),
    ("Brighton & Hove", "E06000043"),
    ("Durham", "E06000047"),
    ("County Durham", "E06000047"),
    ("Bournemouth, Christchurch and Poole", "E06000058"),
    ("bournemouth, christchurch & poole", "E06000058"),
    ("BCP", "E06000058"),
    ("Bedford Borough", "E06000055"),
    ("City of London", "E09000001"),
    ("london corporation", "E09000001"),
    ("Sandwell Metropolitan Borough Council", "E08000028"),
    ("City of Bradford Metropolitan District Council", "E08000032"),
    ("Windsor & Maidenhead", "E06000040"),
    ("Stockton-on-Tees Borough Council", "E06000004"),
    ("Council of the Isles of Scilly", "E06000053"),
    ("Northamptonshire County Council", "E10000021"),
])
def test_aliases(gaz, name, code):
    assert gaz.lookup(name).code == code


def test_a_shared_name_is_settled_by_its_wrapper_then_by_date(gaz):
    assert gaz.lookup("Somerset County Council").code == "E10000027"
    assert gaz.lookup("Somerset Council").code == "E06000066"
    assert gaz.lookup("Somerset", on=date(2019, 2, 21)).code == "E10000027"
    assert gaz.lookup("Somerset", on=date(2023, 4, 1)).code == "E06000066"
    assert gaz.lookup("Somerset").code == "E06000066"  # no date: the authority that exists now
    assert gaz.lookup("Dorset County Council", on=date(2024, 1, 1)).code == "E10000009"  # the wrapper wins
    assert gaz.lookup("Dorset", on=date(2019, 3, 31)).code == "E10000009"
    assert gaz.lookup("Dorset", on=date(2019, 4, 1)).code == "E06000059"
    assert gaz.lookup("North Yorkshire", on=date(2021, 7, 26)).code == "E10000023"
    assert gaz.lookup("Buckinghamshire", on=date(2014, 8, 8)).code == "E10000002"
    # a name that means one authority gives it whatever the date
    assert gaz.lookup("Northamptonshire", on=date(2024, 1, 1)).code == "E10000021"


def test_unknown_and_generic_names(gaz):
    for name in ("London", "Greater Manchester", "Cleveland", "Swale Borough Council", "", "Ofsted"):
        assert gaz.lookup(name) is None, name


def test_lookup_returns_the_contract_record(gaz):
    assert gaz.lookup("Barnsley") == Authority("E08000016", "Barnsley")


def test_normalise_and_core_name():
    assert normalise("St. Helens") == "st helens"
    assert normalise("The Royal Borough of Kensington & Chelsea") == "royal borough of kensington and chelsea"
    assert normalise("Doncaster Children’s Services Trust") == "doncaster children services trust"
    assert core_name("London Borough of Barnet") == "barnet"
    assert core_name("Bristol, City of") == "bristol"
    assert core_name("Sandwell Metropolitan Borough Council") == "sandwell"
    assert core_name("Kingston upon Hull City Council") == "kingston upon hull"


def test_read_entries_parses_dates_and_lists():
    text = ("code,name,type,valid_from,valid_to,replaced_by,aliases\n"
            "E10000021,Northamptonshire,county,,2021-03-31,E06000061;E06000062,Northamptonshire County Council\n")
    (entry,) = read_entries(text)
    assert entry.valid_from is None and entry.valid_to == date(2021, 3, 31)
    assert entry.replaced_by == ("E06000061", "E06000062")
    assert entry.aliases == ("Northamptonshire County Council",)
    assert entry.authority == Authority("E10000021", "Northamptonshire")


def test_every_corpus_authority_name_is_in_the_gazetteer(gaz, corpus_dir):
    names: set[str] = set()
    with open(corpus_dir / "MANIFEST.csv", newline="", encoding="utf-8") as fh:
        names |= {row["local_authority"] for row in csv.DictReader(fh) if row["local_authority"] != "(all)"}
    history = corpus_dir / "ilacs" / "ofsted_csc_ilacs_history.csv"
    if history.is_file():
        with open(history, newline="", encoding="utf-8") as fh:
            names |= {row["local_authority"] for row in csv.DictReader(fh)}
    assert len(names) > 300
    missing = sorted(n for n in names if gaz.lookup(n) is None)
    assert missing == []
