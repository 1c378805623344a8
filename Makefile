# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := build/sample.sourceline
PROJECT ?=

.PHONY: run test venv sample clean package package-test install-desktop screenshots

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

# The gates (ruff's rules and the import contracts in pyproject.toml), then the whole suite,
# headless. FUZZ_EXAMPLES raises the fuzzing budget (see README, Reliability).
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n 2 $(PYTEST_ARGS)

# A self-contained one-folder bundle, dist/sourceline/ (PyInstaller; see packaging/sourceline.spec).
PACKAGE_STAMP := $(VENV)/.package-installed
BUNDLE := dist/sourceline/sourceline

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[package]'
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/sourceline.spec
	@du -sh dist/sourceline

# The bundle's smoke test (built first if missing); not part of `make test`.
package-test:
	@test -x $(BUNDLE) || $(MAKE) --no-print-directory package
	packaging/smoke_test.sh dist/sourceline

# Menu entry, icons and the .sourceline file type for the current user (PREFIX=~/.local).
install-desktop:
	packaging/linux/install.sh

# The user guide's pictures, from the real window on the sample project.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/sourceline screenshots --out docs/screenshots

clean:
	rm -rf build dist $(VENV)
