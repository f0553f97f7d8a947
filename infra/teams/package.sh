#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + the two icons at the zip root) for a bot's app id.
#
#   infra/teams/package.sh APP_ID [OUTPUT.zip]
#
# APP_ID is the Azure Bot's Microsoft App ID (the Entra application's client id), the same value as
# the server's Teams:AppId. Optional environment: TEAMS_APP_ID (the Teams app's own id; default APP_ID),
# APP_VERSION (default 1.0.0; raise it for every upload), WEBSITE_URL (your pages for the developer,
# privacy and terms links; default https://example.com/skillbot, a placeholder fine for sideloading).
# Upload the zip in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.
set -euo pipefail

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
if [[ $# -lt 1 || $# -gt 2 || ! $1 =~ $guid ]]; then
  echo "usage: $0 APP_ID [OUTPUT.zip]   (APP_ID: the bot's Microsoft App ID, a GUID)" >&2
  exit 2
fi
app_id=$1
teams_app_id=${TEAMS_APP_ID:-$app_id}
version=${APP_VERSION:-1.0.0}
website=${WEBSITE_URL:-https://example.com/skillbot}
if [[ ! $teams_app_id =~ $guid ]]; then
  echo "TEAMS_APP_ID must be a GUID" >&2
  exit 2
fi
if [[ ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "APP_VERSION must be major.minor.patch, e.g. 1.0.1" >&2
  exit 2
fi
if [[ ! $website =~ ^https://[^[:space:]\"\\|]+$ ]]; then
  echo "WEBSITE_URL must be an https URL" >&2
  exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
output=$(realpath -m "${2:-skillbot-teams-$app_id.zip}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sed -e "s|{{APP_ID}}|$app_id|g" -e "s|{{TEAMS_APP_ID}}|$teams_app_id|g" \
    -e "s|{{APP_VERSION}}|$version|g" -e "s|{{WEBSITE_URL}}|${website%/}|g" \
    "$here/manifest.json" > "$work/manifest.json"
if grep -q '{{' "$work/manifest.json"; then
  echo "manifest.json still has a placeholder:" >&2
  grep -n '{{' "$work/manifest.json" >&2
  exit 1
fi
cp "$here/color.png" "$here/outline.png" "$work/"

rm -f "$output"
if command -v zip > /dev/null; then
  (cd "$work" && zip -q -X "$output" manifest.json color.png outline.png)
else
  (cd "$work" && python3 -m zipfile -c "$output" manifest.json color.png outline.png)
fi
echo "$output"
