# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[formats,analytics,test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f dotterel.duckdb
	$(BIN)/dotterel run src/dotterel/examples --db dotterel.duckdb
	$(BIN)/dotterel events --db dotterel.duckdb

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) dotterel.duckdb .pytest_cache
