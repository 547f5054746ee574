"""The classes the export browser (``browser.py``) runs: Chromium in a private directory, and
kaleido drawing many images per page load.

Kaleido reloads its page after every image, parsing plotly.js again: two thirds of an export's
CPU, for nothing the next image needs. Here a tab is reloaded every ``RELOAD_EVERY`` images
instead. Measured on the published package, 216 images (every chart, language and format): 19.5 s
and 41 s of CPU instead of 50 s and 100 s; the browser's memory stayed flat over 576 images, and
every PNG and PDF came out byte for byte the same (SVGs differ only in the order of some
attributes, which the bundle sorts: ``publish.files.normalise_svg``).
"""

from __future__ import annotations

from pathlib import Path

RELOAD_EVERY = 200  # images a tab draws between two reloads of kaleido's page


def private_chromium():
    """choreographer's Chromium with config and cache (crash reports) in the browser's own dir."""
    from choreographer.browsers import Chromium

    class PrivateChromium(Chromium):
        def __init__(self, channel, path=None, *, home: str, **kwargs):
            self._home = Path(home)
            super().__init__(channel, path, tmp_dir=home, **kwargs)  # profile inside home

        def get_env(self):
            env = super().get_env()
            # Chromium puts "Crash Reports" under its default user-data dir, which follows
            # CHROME_CONFIG_HOME / XDG_CONFIG_HOME rather than --user-data-dir; its shared
            # memory files go to TMPDIR, and stay there when the browser is killed.
            for var, sub in (("CHROME_CONFIG_HOME", "config"), ("XDG_CONFIG_HOME", "config"),
                             ("XDG_CACHE_HOME", "cache")):
                env[var] = str(self._home / sub)
            env["TMPDIR"] = str(self._home)
            return env

    return PrivateChromium


def kaleido_class():
    """kaleido.Kaleido, reloading a tab's page every ``RELOAD_EVERY`` images, not after each."""
    import kaleido

    class Kaleido(kaleido.Kaleido):
        async def _return_kaleido_tab(self, tab) -> None:
            drawn = self.__dict__.setdefault("_drawn", {})
            drawn[tab] = drawn.get(tab, 0) + 1
            if drawn[tab] % RELOAD_EVERY == 0:
                await tab.reload()
            await self.tabs_ready.put(tab)

    return Kaleido
