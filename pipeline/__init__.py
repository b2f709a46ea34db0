"""Prefect flows, settings and the ofsted-mine command line."""
