# Shared setup for the scripts: a virtual environment with the pinned requirements.
# Usage: . scripts/_env.sh <requirements file>
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NO_MKDOCS_2_WARNING=1   # silence Material's end-of-life banner
export PIP_DISABLE_PIP_VERSION_CHECK=1
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=".venv/.installed-$(basename "$1")"
if [ ! -f "$stamp" ] || [ "$1" -nt "$stamp" ] || [ requirements.txt -nt "$stamp" ]; then
  .venv/bin/pip install --quiet -r "$1"
  touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
