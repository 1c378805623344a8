# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := build/sample.sourceline
PROJECT ?=

.PHONY: run test venv sample clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

$(SAMPLE): $(STAMP)
	mkdir -p build
	$(BIN)/sourceline new $(SAMPLE) --sample

sample: $(SAMPLE)

# Opens the window on PROJECT, or on a fresh copy of the sample project.
run: $(STAMP)
ifeq ($(PROJECT),)
	$(MAKE) --no-print-directory $(SAMPLE)
	$(BIN)/sourceline $(SAMPLE)
else
	$(BIN)/sourceline $(PROJECT)
endif

# The whole suite, headless. FUZZ_EXAMPLES raises the fuzzing budget (see README, Reliability).
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n 2 $(PYTEST_ARGS)

clean:
	rm -rf build dist $(VENV)
