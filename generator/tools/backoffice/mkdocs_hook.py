"""MkDocs hook used by `oit serve` only (passed as `hooks:`): mounts the back office."""

from generator.tools.backoffice.serve import attach


def on_serve(server, config, builder):
    return attach(server, config)
