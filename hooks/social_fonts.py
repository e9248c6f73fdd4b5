"""Give Material's social plugin its card font before it looks for one.

The plugin downloads fonts from Google unless <cache_dir>/fonts/<Family>/ already holds
Regular.ttf and Bold.ttf. We commit Noto Sans (OFL) under includes/fonts and copy it into the
cache, so the build never needs the network.
"""

import shutil
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "includes" / "fonts"


def on_config(config):
    social = config.plugins.get("material/social")
    if social is None or not social.config.enabled:
        return config
    # Relative cache paths are relative to mkdocs.yml, as in the plugin itself.
    cache = Path(config.config_file_path).parent / social.config.cache_dir / "fonts"
    for family in FONTS.iterdir():
        target = cache / family.name
        target.mkdir(parents=True, exist_ok=True)
        for ttf in family.glob("*.ttf"):
            if not (target / ttf.name).exists():
                shutil.copyfile(ttf, target / ttf.name)
    return config
