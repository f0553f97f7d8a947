#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + the two icons at the zip root) for a bot's app id.
#
#   infra/teams/package.sh APP_ID [OUTPUT.zip]
#
# The zip goes to OUTPUT.zip, or by default to infra/teams/out/skillbot-teams-APP_ID.zip (git ignores that folder).
# APP_ID is the Azure Bot's Microsoft App ID (the Entra application's client id), the same value as
# the server's Teams:AppId. Optional environment: TEAMS_APP_ID (the Teams app's own id; default APP_ID),
# APP_VERSION (default 1.0.0, MAJOR.MINOR.PATCH without leading zeros; raise it for every upload), WEBSITE_URL (your pages for the developer,
# privacy and terms links; default https://example.com/skillbot, a placeholder fine for sideloading), PUBLIC_URL (the
# server's CataloguePages:PublicUrl, https: adds the personal "Catalogue" tab showing its pages and unfurls links to
# them in the compose box; unset: neither).
# Upload the zip in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.
# Needs jq (the values are put into the manifest as JSON strings, whatever characters they hold) and zip
# (or python3).
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
public_url=${PUBLIC_URL:-}
if [[ ! $teams_app_id =~ $guid ]]; then
  echo "TEAMS_APP_ID must be a GUID" >&2
  exit 2
fi
# Teams takes MAJOR.MINOR.PATCH only: no leading zeros, no pre-release or build suffix.
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'
if [[ ! $version =~ $semver ]]; then
  echo "APP_VERSION must be MAJOR.MINOR.PATCH without leading zeros, e.g. 1.0.1 (it is '$version')" >&2
  exit 2
fi
if [[ ! $website =~ ^https://[^[:space:]\"\\|]+$ ]]; then
  echo "WEBSITE_URL must be an https URL" >&2
  exit 2
fi

public_host=""
if [[ -n $public_url ]]; then
  if [[ ! $public_url =~ ^https://([A-Za-z0-9.-]+)(/[^[:space:]\"\\|?#]*)?$ ]]; then
    echo "PUBLIC_URL must be an https URL without port, query or fragment, e.g. https://skillbot.example.com (Teams tabs and link unfurling need https)" >&2
    exit 2
  fi
  public_host=${BASH_REMATCH[1]}
fi

if ! command -v jq > /dev/null; then
  echo "jq is needed to fill in the manifest (apt-get install jq)" >&2
  exit 1
fi

here=$(cd "$(dirname "$0")" && pwd)
if [[ $# -eq 2 ]]; then
  output=$(realpath -m "$2")
else
  mkdir -p "$here/out"
  output="$here/out/skillbot-teams-$app_id.zip"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# jq takes the values as data, so '&', '|' or '\' in them stay as they are (sed would read them as its syntax).
# Without a public URL there are no pages to show in a tab or to unfurl: those entries go.
jq --arg app_id "$app_id" --arg teams_app_id "$teams_app_id" --arg version "$version" --arg website "${website%/}" \
   --arg public_url "${public_url%/}" --arg public_host "$public_host" '
  (if $public_url == "" then del(.staticTabs) | del(.composeExtensions[].messageHandlers) | .validDomains = [] else . end)
  | walk(if type == "string" then
    gsub("{{APP_ID}}"; $app_id) | gsub("{{TEAMS_APP_ID}}"; $teams_app_id)
    | gsub("{{APP_VERSION}}"; $version) | gsub("{{WEBSITE_URL}}"; $website)
    | gsub("{{PUBLIC_URL}}"; $public_url) | gsub("{{PUBLIC_HOST}}"; $public_host)
  else . end)' "$here/manifest.json" > "$work/manifest.json"
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
