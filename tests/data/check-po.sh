#!/bin/sh
# Every string the sources mark is translated in po/it.po (no untranslated
# or fuzzy entry), and every source file with translatable strings is listed
# in po/POTFILES.in.
set -eu
src="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0

cd "$src"
grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$tmp/files"

# Files that mark strings but are not listed.
for f in $(grep -rlE '(^|[^a-zA-Z_])(N?C?_|g_dngettext) ?\(|translatable="yes"' src ui --include='*.c' --include='*.ui'); do
  if ! grep -qxF "$f" "$tmp/files"; then
    echo "$f marks strings for translation but is not in po/POTFILES.in" >&2
    status=1
  fi
done

xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --files-from="$tmp/files" -o "$tmp/all.pot" 2>"$tmp/xgettext.log" || {
  cat "$tmp/xgettext.log" >&2; exit 1; }
msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" po/it.po "$tmp/all.pot"
untranslated="$(msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid ' || true)"
fuzzy="$(msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" | grep -c '^msgid ' || true)"
if [ "$untranslated" -gt 0 ]; then
  echo "po/it.po lacks these translations:" >&2
  msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -A1 '^msgid ' | grep -v '^--' | head -60 >&2
  status=1
fi
if [ "$fuzzy" -gt 0 ]; then
  echo "po/it.po has fuzzy entries:" >&2
  msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" | grep '^msgid ' | head -30 >&2
  status=1
fi
exit $status
