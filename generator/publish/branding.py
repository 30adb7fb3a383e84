"""The LAO's seal in the header and as the site's icon, resized at build time.

Clerks upload the seal as they have it (often a large scan); the header shows it at about 44 px
and the browser tab at 16–48 px, so a small square copy is made with Pillow, once per version of
the file (kept in the build folder's cache). An SVG seal is used as it is. Without a usable seal,
the theme's neutral seal (theme/assets/images/oit-seal.svg, and favicon.png drawn from it) stands
in, never Material's icon. The icon keeps Material's path, assets/images/favicon.png (a file of
the generated docs wins over the theme's), so pages outside MkDocs (the back office at /admin/)
show the LAO's seal too.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from generator.content.site import Site
from generator.problems import Problems
from generator.publish import messages as msg

NEUTRAL_SEAL = "assets/images/oit-seal.svg"  # in the theme's custom_dir
LOGO_PATH = "assets/oit/logo.png"  # header, 2× its displayed size
FAVICON_PATH = "assets/images/favicon.png"  # the theme's neutral one unless the LAO has a seal
TOUCH_ICON_PATH = "assets/oit/apple-touch-icon.png"
SIZES = {LOGO_PATH: 128, FAVICON_PATH: 48, TOUCH_ICON_PATH: 180}


@dataclass
class Branding:
    logo: str  # site-relative path for theme.logo
    favicon: str  # … for theme.favicon
    touch_icon: str | None  # … for <link rel="apple-touch-icon">, PNG only
    copies: dict[str, Path] = field(default_factory=dict)  # docs-relative path → file to copy


def branding(site: Site, cache_dir: Path, problems: Problems) -> Branding:
    ref = site.org.logo
    if not ref:
        return Branding(NEUTRAL_SEAL, FAVICON_PATH, None)
    source = site.content_dir / ref
    if source.suffix.lower() == ".svg":
        dest = "assets/oit/logo.svg"
        return Branding(dest, dest, None, {dest: source})  # an SVG icon: every current browser
    try:
        copies = _resized(source, cache_dir)
    except (OSError, ValueError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        src = site.sources[(None, "organisation")]
        line, col = src.loaded.pos(("logo",))
        reason = type(exc).__name__ if isinstance(exc, UnidentifiedImageError) else str(exc) or type(exc).__name__
        problems.report(src.file, line, col, msg.LOGO_UNREADABLE, ref=ref, reason=reason)
        return Branding(NEUTRAL_SEAL, FAVICON_PATH, None)
    return Branding(LOGO_PATH, FAVICON_PATH, TOUCH_ICON_PATH, copies)


def _resized(source: Path, cache_dir: Path) -> dict[str, Path]:
    """Square PNGs of the seal at each size, made once per version of the file."""
    data = source.read_bytes()
    key = hashlib.sha256(data).hexdigest()[:16]
    out = {dest: cache_dir / f"{key}-{size}.png" for dest, size in SIZES.items()}
    if all(p.is_file() for p in out.values()):
        return out
    with Image.open(source) as im:
        im.load()
        seal = im.convert("RGBA")
    # Crop fully transparent margins so the seal fills its box, then centre it on a square.
    box = seal.getbbox()
    if box:
        seal = seal.crop(box)
    side = max(seal.size)
    square = Image.new("RGBA", (side, side), (255, 255, 255, 0))
    square.paste(seal, ((side - seal.width) // 2, (side - seal.height) // 2))
    cache_dir.mkdir(parents=True, exist_ok=True)
    for dest, size in SIZES.items():
        icon = square.resize((size, size), Image.Resampling.LANCZOS)
        if dest == TOUCH_ICON_PATH:  # iOS shows transparency as black
            icon = Image.alpha_composite(Image.new("RGBA", icon.size, (255, 255, 255, 255)), icon)
        tmp = out[dest].with_suffix(".tmp")
        icon.save(tmp, format="PNG", optimize=True)
        tmp.replace(out[dest])
    return out
