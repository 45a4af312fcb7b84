# shellcheck shell=bash
# Bearer tokens (RS256 JWTs) and the personal-data key for the local run: bash and openssl only.
# Source it after common.sh (deploy/run and deploy/bench do), or run it:
#
#   deploy/lib/tokens.sh keys                                     create the keys if missing; print where
#   deploy/lib/tokens.sh mint SHOP SUBJECT GROUPS [AGENT_ID TIER] [TTL_SECONDS]
#                                                                 print a token signed with the local key
#   deploy/lib/tokens.sh verify TOKEN                             check signature, issuer, expiry; print claims
#   deploy/lib/tokens.sh decode TOKEN                             print header and claims, unchecked
#
# e.g. deploy/lib/tokens.sh mint demo-shop demo-shop/reporting reporting 3600
#
# The keys live in .local/secrets (git-ignored, never committed) and are created once; later runs
# reuse them, so tokens stay valid across restarts and personal data stays readable:
#   jwt-private.pem     RSA-2048 signing key (PKCS#8 PEM, mode 600)
#   jwt-public.pem      its public half (SubjectPublicKeyInfo PEM): MP_JWT_VERIFY_PUBLICKEY_LOCATION
#   personal-data.key   base64 of 32 random bytes: WINBACK_PERSONAL_DATA_KEY (AES-256-GCM). Losing or
#                       replacing it makes the buyer data stored so far unreadable.

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then # run as a command: see the end of the file
  set -euo pipefail
  # shellcheck source=deploy/lib/common.sh
  source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
fi

WINBACK_SECRETS="$WINBACK_ROOT/.local/secrets"
JWT_PRIVATE_KEY="$WINBACK_SECRETS/jwt-private.pem"
JWT_PUBLIC_KEY="$WINBACK_SECRETS/jwt-public.pem"
PERSONAL_DATA_KEY_FILE="$WINBACK_SECRETS/personal-data.key"
WINBACK_TOKEN_ISSUER=winback
WINBACK_TOKEN_TTL=$((30 * 24 * 3600))
WINBACK_ROLES=(integration agent supervisor manager reporting)
WINBACK_TIERS=(PRE_SALES IN_SALES AFTER_SALES REVIEW_RECOVERY SUPERVISOR MANAGER)

# _tokens_install TMP DEST: moves TMP to DEST unless DEST exists (a hard link never overwrites, so two
# runs creating the same key at once end up agreeing on one).
_tokens_install() {
  ln "$1" "$2" 2>/dev/null || true
  rm -f "$1"
}

# tokens_ensure_keys: creates whatever of the key pair and the personal-data key is missing; an
# existing personal-data key is never replaced. Fails (returns 1) when openssl does.
tokens_ensure_keys() {
  command -v openssl >/dev/null || { log "ERROR: openssl is needed for the signing keys"; return 1; }
  (umask 077 && mkdir -p "$WINBACK_SECRETS") && chmod 700 "$WINBACK_SECRETS" || return 1
  local tmp derived
  if [[ ! -s $JWT_PRIVATE_KEY ]]; then
    log "creating the token signing key pair in $WINBACK_SECRETS (once)"
    tmp=$(umask 077 && mktemp "$WINBACK_SECRETS/.jwt-private.XXXXXX") || return 1
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp" 2>/dev/null \
      || { rm -f "$tmp"; log "ERROR: openssl genpkey failed"; return 1; }
    _tokens_install "$tmp" "$JWT_PRIVATE_KEY"
  fi
  chmod 600 "$JWT_PRIVATE_KEY"
  # the public key always matches the private one (rewritten if it is missing or from another key)
  derived=$(openssl pkey -in "$JWT_PRIVATE_KEY" -pubout 2>/dev/null) \
    || { log "ERROR: $JWT_PRIVATE_KEY is not a readable private key"; return 1; }
  if [[ ! -s $JWT_PUBLIC_KEY || $(cat "$JWT_PUBLIC_KEY") != "$derived" ]]; then
    tmp=$(mktemp "$WINBACK_SECRETS/.jwt-public.XXXXXX") || return 1
    printf '%s\n' "$derived" >"$tmp" && chmod 644 "$tmp" && mv -f "$tmp" "$JWT_PUBLIC_KEY" || return 1
  fi
  if [[ ! -s $PERSONAL_DATA_KEY_FILE ]]; then
    log "creating the personal-data key in $WINBACK_SECRETS (once)"
    tmp=$(umask 077 && mktemp "$WINBACK_SECRETS/.personal-data.XXXXXX") || return 1
    openssl rand -base64 32 >"$tmp" || { rm -f "$tmp"; return 1; }
    _tokens_install "$tmp" "$PERSONAL_DATA_KEY_FILE"
  fi
  chmod 600 "$PERSONAL_DATA_KEY_FILE"
  if [[ $(tr -d '\n' <"$PERSONAL_DATA_KEY_FILE" | openssl base64 -d -A 2>/dev/null | wc -c) -ne 32 ]]; then
    log "ERROR: $PERSONAL_DATA_KEY_FILE is not base64 of 32 bytes (not replaced: data encrypted with it would be lost)"
    return 1
  fi
}

# personal_data_key: the base64 key the services get as WINBACK_PERSONAL_DATA_KEY.
personal_data_key() {
  tr -d '\n' <"$PERSONAL_DATA_KEY_FILE"
}

# base64url: stdin to unpadded base64url (RFC 7515), one line.
base64url() {
  openssl base64 -A | tr '+/' '-_' | tr -d '='
}

# base64url_decode TEXT: the bytes TEXT encodes.
base64url_decode() {
  local s=${1//-/+}
  s=${s//_//}
  case $((${#s} % 4)) in
    2) s+="==" ;;
    3) s+="=" ;;
    1) return 1 ;;
  esac
  printf '%s' "$s" | openssl base64 -d -A
}

# _json_string TEXT: TEXT as a JSON string literal; fails on control characters.
_json_string() {
  local s=$1
  [[ $s == *[[:cntrl:]]* ]] && return 1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

# _uuid4: a random UUID (version 4).
_uuid4() {
  local h
  h=$(openssl rand -hex 16) || return 1
  printf '%s-%s-4%s-%x%s-%s' "${h:0:8}" "${h:8:4}" "${h:13:3}" $(((0x${h:16:1} & 0x3) | 0x8)) "${h:17:3}" "${h:20:12}"
}

_tokens_one_of() { # _tokens_one_of VALUE CHOICE...
  local v=$1 c; shift
  for c in "$@"; do [[ $v == "$c" ]] && return 0; done
  return 1
}

# mint_token SHOP SUBJECT GROUPS_CSV [AGENT_ID TIER] [TTL_SECONDS]
# Prints an RS256 JWT signed with $JWT_PRIVATE_KEY: iss=winback, sub and upn=SUBJECT, groups from
# GROUPS_CSV (integration, agent, supervisor, manager, reporting), shop_id=SHOP, iat, exp=iat+TTL
# (default 30 days), jti a random UUID; with AGENT_ID and TIER also agent_id and tier (required for
# the agent role). Pass "" "" for AGENT_ID TIER to give a TTL without them. Returns 1 on bad input.
mint_token() {
  local shop=${1:-} subject=${2:-} groups_csv=${3:-} agent_id="" tier="" ttl=$WINBACK_TOKEN_TTL
  case $# in
    3) ;;
    4) ttl=$4 ;;
    5) agent_id=$4 tier=$5 ;;
    6) agent_id=$4 tier=$5 ttl=$6 ;;
    *) log "usage: mint_token SHOP SUBJECT GROUPS_CSV [AGENT_ID TIER] [TTL_SECONDS]"; return 1 ;;
  esac
  local err=""
  [[ $shop =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ && ${#shop} -le 64 ]] || err="shop id '$shop' must be letters, digits, '.', '_' or '-' (at most 64)"
  [[ -n $subject && $subject != *[[:cntrl:]]* ]] || err="the subject must be non-empty text"
  [[ $ttl =~ ^[1-9][0-9]*$ ]] || err="TTL '$ttl' must be a positive number of seconds"
  local groups_json="" role seen="," has_agent=0
  local -a roles
  IFS=, read -r -a roles <<<"$groups_csv"
  for role in "${roles[@]}"; do
    role=${role//[[:space:]]/}
    [[ -z $role || $seen == *",$role,"* ]] && continue
    _tokens_one_of "$role" "${WINBACK_ROLES[@]}" || { err="unknown role '$role' (roles: ${WINBACK_ROLES[*]})"; break; }
    seen+="$role,"
    [[ $role == agent ]] && has_agent=1
    groups_json+="${groups_json:+,}\"$role\""
  done
  [[ -n $groups_json || -n $err ]] || err="give at least one role (roles: ${WINBACK_ROLES[*]})"
  if [[ -n $agent_id || -n $tier ]]; then
    [[ $agent_id =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]] \
      || err="agent id '$agent_id' is not a UUID"
    _tokens_one_of "$tier" "${WINBACK_TIERS[@]}" || err="tier '$tier' is not one of ${WINBACK_TIERS[*]}"
  elif ((has_agent)); then
    err="an agent token needs AGENT_ID and TIER"
  fi
  [[ -r $JWT_PRIVATE_KEY ]] || err="no signing key at $JWT_PRIVATE_KEY (create it: deploy/lib/tokens.sh keys)"
  if [[ -n $err ]]; then
    log "ERROR: mint_token: $err"
    return 1
  fi

  local now jti sub claims header payload signature
  now=$(date +%s)
  jti=$(_uuid4) || return 1
  sub=$(_json_string "$subject")
  claims="{\"iss\":\"$WINBACK_TOKEN_ISSUER\",\"sub\":$sub,\"upn\":$sub,\"groups\":[$groups_json],\"shop_id\":\"$shop\""
  [[ -n $agent_id ]] && claims+=",\"agent_id\":\"${agent_id,,}\",\"tier\":\"$tier\""
  claims+=",\"iat\":$now,\"exp\":$((now + ttl)),\"jti\":\"$jti\"}"
  header=$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | base64url) || return 1
  payload=$(printf '%s' "$claims" | base64url) || return 1
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$JWT_PRIVATE_KEY" -binary | base64url) \
    || { log "ERROR: mint_token: signing failed"; return 1; }
  [[ -n $signature ]] || return 1
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}

# decode_token TOKEN: prints the header and the claims (JSON, one line each), without checking anything.
decode_token() {
  local token=${1:-} header payload rest
  IFS=. read -r header payload rest <<<"$token"
  [[ -n $header && -n $payload && -n $rest && $rest != *.* ]] || { log "ERROR: not a JWT (three dot-separated parts)"; return 1; }
  base64url_decode "$header" && echo && base64url_decode "$payload" && echo
}

# verify_token TOKEN [PUBLIC_KEY_PEM]: checks the RS256 signature (openssl), the issuer and the expiry;
# prints the claims. Returns 1 when any check fails.
verify_token() {
  local token=${1:-} key=${2:-$JWT_PUBLIC_KEY} header payload signature tmp claims exp ok=0
  IFS=. read -r header payload signature <<<"$token"
  [[ -n $header && -n $payload && -n $signature && $signature != *.* ]] || { log "ERROR: not a JWT (three dot-separated parts)"; return 1; }
  [[ $(base64url_decode "$header") == *'"alg":"RS256"'* ]] || { log "ERROR: header is not alg RS256"; return 1; }
  tmp=$(mktemp) || return 1
  base64url_decode "$signature" >"$tmp" || { rm -f "$tmp"; log "ERROR: signature is not base64url"; return 1; }
  printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -verify "$key" -signature "$tmp" >/dev/null 2>&1 && ok=1
  rm -f "$tmp"
  ((ok)) || { log "ERROR: signature does not verify with $key"; return 1; }
  claims=$(base64url_decode "$payload") || return 1
  [[ $claims == *"\"iss\":\"$WINBACK_TOKEN_ISSUER\""* ]] || { log "ERROR: issuer is not $WINBACK_TOKEN_ISSUER"; return 1; }
  exp=$(sed -nE 's/.*"exp":([0-9]+).*/\1/p' <<<"$claims")
  [[ -n $exp && $exp -gt $(date +%s) ]] || { log "ERROR: token has expired (or has no exp)"; return 1; }
  printf '%s\n' "$claims"
}

# Run as a command rather than sourced.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  cmd=${1:-help}
  shift || true
  case $cmd in
    keys)
      tokens_ensure_keys
      printf 'private key      %s\npublic key       %s\npersonal data    %s\n' "$JWT_PRIVATE_KEY" "$JWT_PUBLIC_KEY" "$PERSONAL_DATA_KEY_FILE"
      ;;
    mint) mint_token "$@" ;;
    verify) verify_token "$@" ;;
    decode) decode_token "$@" ;;
    -h | --help | help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
    *) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
fi
