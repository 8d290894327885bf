# Set-up and checks for Venue Ops. `make demo` and `make test` each do all the
# set-up a fresh Debian/Ubuntu machine needs first (system libraries, Python packages).
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
DEB_PACKAGES := libzbar0 fonts-noto-cjk poppler-utils libpulse0 libxcb-cursor0 libegl1 libgl1 libxkbcommon0

.PHONY: setup system-deps python-deps demo test check pytest translations bench

setup: system-deps python-deps translations

system-deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

python-deps:
	$(PYTHON) -m pip install -q --disable-pip-version-check -e '.[dev]'

translations:
	$(PYTHON) -m ui.i18n compile

demo: setup
	$(PYTHON) -m app --demo

# The whole suite: lint, types, architecture contracts, then every test.
test: setup check pytest

check:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m mypy app devices sync
	lint-imports

pytest:
	QT_QPA_PLATFORM=offscreen $(PYTHON) -m pytest -q

bench:
	$(PYTHON) -m bench all
