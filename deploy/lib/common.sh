# shellcheck shell=bash
# Helpers shared by deploy/run, deploy/test and deploy/bench. Source, don't execute.

WINBACK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export WINBACK_ROOT

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Is something listening on 127.0.0.1:$1?
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# First port at or above $1 that nothing listens on.
free_port() {
  local p=$1
  while port_in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}

# wait_http URL SECONDS [PID]: until URL answers 2xx; fails early if PID dies.
wait_http() {
  local url=$1 seconds=$2 pid=${3:-} i
  for ((i = 0; i < seconds * 5; i++)); do
    if curl -sf -o /dev/null --max-time 2 "$url"; then return 0; fi
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.2
  done
  return 1
}

# wait_port PORT SECONDS [PID]
wait_port() {
  local port=$1 seconds=$2 pid=${3:-} i
  for ((i = 0; i < seconds * 5; i++)); do
    if port_in_use "$port"; then return 0; fi
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.2
  done
  return 1
}

# stop_pid PID [NAME]: TERM, then KILL after 15 s.
stop_pid() {
  local pid=$1 name=${2:-process} i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 75; i++)); do
    kill -0 "$pid" 2>/dev/null || { log "stopped $name"; return 0; }
    sleep 0.2
  done
  log "$name did not stop in 15 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# The JDK the services run on: JAVA_HOME if set, else java on PATH.
java_bin() {
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then echo "$JAVA_HOME/bin/java"; else command -v java; fi
}

mvn_bin() {
  if [[ -x $WINBACK_ROOT/mvnw ]]; then echo "$WINBACK_ROOT/mvnw"; else command -v mvn || die "Maven (mvn) is not installed"; fi
}
