"""The DuckDB warehouse: migrations, loader, views."""
