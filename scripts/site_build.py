"""What the tests and scripts/bench share: the build inputs, a strict build, and Chromium.

Tests import this through tests/conftest.py; scripts/bench.py imports it directly. Neither
imports from the other.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium flags for a closed network: no background calls home, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Everything the build reads; fault-injection tests and scripts/bench build from a copy.
BUILD_INPUTS = ["mkdocs.yml", "docs", "overrides", "includes", "hooks", "layouts"]


def copy_build_inputs(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in BUILD_INPUTS:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif path.exists():
            shutil.copy2(path, target / name)
    return target


def build_site(source: Path, target: Path, site_url: str, strict: bool = True, config: str = "mkdocs.yml"):
    """Run the real build; return the completed process (the caller checks it)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", config, "-d", str(target)]
    return subprocess.run(command + (["--strict"] if strict else []), cwd=source, env=env, capture_output=True, text=True)
