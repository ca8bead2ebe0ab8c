from __future__ import annotations

import dotterel


def test_api_all_is_sorted_and_complete() -> None:
    assert dotterel.__all__ == sorted(dotterel.__all__)
    public = {n for n in vars(dotterel) if not n.startswith("_") and n[0].isupper() or n == "open_store"}
    modules = {n for n in public if type(getattr(dotterel, n)).__name__ == "module"}
    assert public - modules <= set(dotterel.__all__)
    for name in dotterel.__all__:
        assert hasattr(dotterel, name)


def test_api_errors_share_one_base() -> None:
    for name in ("InputError", "DecodeError", "FormatError", "DataError", "ConfigError", "ModelError", "StoreError"):
        assert issubclass(getattr(dotterel, name), dotterel.DotterelError)
