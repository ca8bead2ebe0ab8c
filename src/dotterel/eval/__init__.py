"""Scorers that measure dotterel against the gold files in `shared/gold/`."""
