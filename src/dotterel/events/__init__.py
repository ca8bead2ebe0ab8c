"""Event coding: PLOVER triggers, frames, CAMEO mapping and dates."""
