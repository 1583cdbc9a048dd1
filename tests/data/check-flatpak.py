#!/usr/bin/python3
"""The Flatpak manifest parses, names the app, its command, and asks for
exactly what a canvas application needs: nothing broader."""
import json
import sys

REQUIRED = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}

def main(path):
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    problems = []
    app_id = manifest.get("id") or manifest.get("app-id")
    if app_id != "io.github.journeymaps.JourneyMaps":
        problems.append(f"the app id is {app_id!r}")
    if manifest.get("command") != "journey-maps":
        problems.append(f"the command is {manifest.get('command')!r}")
    if not str(manifest.get("runtime", "")).startswith("org.gnome."):
        problems.append("the runtime is not a GNOME runtime")
    args = set(manifest.get("finish-args", []))
    if args != REQUIRED:
        missing = sorted(REQUIRED - args)
        extra = sorted(args - REQUIRED)
        if missing:
            problems.append(f"finish-args lack {missing}")
        if extra:
            problems.append(f"finish-args ask for more than needed: {extra}")
    modules = manifest.get("modules", [])
    if not modules or modules[-1].get("buildsystem") != "meson":
        problems.append("the last module does not build with meson")
    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
