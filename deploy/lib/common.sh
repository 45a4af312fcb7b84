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
  # a JVM writing its AOT cache as it exits (WINBACK_AOT=train, deploy/train-aot) takes a minute or more
  local wait_s=15
  [[ ${WINBACK_AOT:-} == train ]] && wait_s=300
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || { log "stopped $name"; return 0; }
    sleep 0.2
  done
  log "$name did not stop in $wait_s s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# The JDK the tools run on (the broker, the reporting job, the chaos load): JAVA_HOME if set, else java on PATH.
java_bin() {
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then echo "$JAVA_HOME/bin/java"; else command -v java; fi
}

# service_java_bin: the JDK the services run on: WINBACK_JAVA_HOME, else JAVA_HOME, else the newest JDK of at least
# 21 installed in /usr/lib/jvm (the Debian layout), else java on PATH. The services are built for 17 and run on any
# later JDK; on 25 they warm up sooner and cost less CPU per review than on 17 (deploy/loadgen/BENCHMARKS.md,
# 2026-12-04), which is the JDK their container images use.
service_java_bin() {
  local home
  for home in "${WINBACK_JAVA_HOME:-}" "${JAVA_HOME:-}" "$(newest_installed_jdk 21)"; do
    if [[ -n $home && -x $home/bin/java ]]; then echo "$home/bin/java"; return; fi
  done
  command -v java
}

# newest_installed_jdk MIN: the home of the newest JDK of major version MIN or later in /usr/lib/jvm (by its release
# file), or nothing.
newest_installed_jdk() {
  local min=$1 release version major best="" best_major=0
  for release in /usr/lib/jvm/*/release; do
    [[ -f $release && -x ${release%/release}/bin/java ]] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
    [[ $version =~ ^[0-9]+$ ]] || continue
    major=$((10#$version))
    if ((major >= min && major > best_major)); then best=${release%/release}; best_major=$major; fi
  done
  [[ -n $best ]] && echo "$best"
  return 0
}

mvn_bin() {
  if [[ -x $WINBACK_ROOT/mvnw ]]; then echo "$WINBACK_ROOT/mvnw"; else command -v mvn || die "Maven (mvn) is not installed"; fi
}

# --- one place for what every service JVM gets --------------------------------------------------------------------

# service_java_opts: the JVM options of every service started locally (deploy/run up and start-service, deploy/chaos,
# the bare app of deploy/bench --footprint). Word-split on purpose: java $(service_java_opts) -jar …
# The same options are in each service's Dockerfile.jvm and Kubernetes manifest (deploy/checks holds them equal).
# A small service: the serial collector (no concurrent GC threads competing for 2 cores; pauses of a few ms on a
# heap this size), a heap of at most 160 MB (the live data is tens of MB), glibc limited to two malloc arenas
# (service_java_env) so that threads do not each keep one, and what glibc keeps of freed native memory (the JIT's
# compiler arenas, ~30 MB after warm-up) given back every 30 s. Measured in deploy/loadgen/BENCHMARKS.md.
service_java_opts() {
  echo "-XX:+UseSerialGC -Xms64m -Xmx160m -XX:TrimNativeHeapInterval=30000 -XX:+ExitOnOutOfMemoryError"
}

# aot_cache_opts JAR: the JDK's ahead-of-time cache of a service (app.aot beside its jar, written by deploy/train-aot:
# its classes loaded and linked, its methods' profiles), so that a freshly started service does not spend its first
# minutes loading and compiling (deploy/loadgen/BENCHMARKS.md). JDK 25 or later only; with WINBACK_AOT=train the JVM
# writes the cache as it exits instead. A cache from another build of the jar is refused by the JVM (a warning in the
# log), which then runs without one.
aot_cache_opts() {
  local cache=${1%/*}/app.aot
  (($(service_java_major) >= 25)) || return 0
  if [[ ${WINBACK_AOT:-} == train ]]; then echo "-XX:AOTCacheOutput=$cache"
  elif [[ -f $cache ]]; then echo "-XX:AOTCache=$cache"; fi
  return 0
}

# service_java_major: the feature release of service_java_bin (17, 25, …) from its JDK's release file; 0 if unknown
service_java_major() {
  local java home version
  java=$(readlink -f "$(service_java_bin)")
  home=${java%/bin/java}
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)
  [[ $version =~ ^[0-9]+$ ]] && echo "$((10#$version))" || echo 0
}

# service_java_env: environment every service JVM starts with (see service_java_opts).
service_java_env() {
  echo "MALLOC_ARENA_MAX=2"
}

# --- two stacks on one machine: WINBACK_PORT_OFFSET ---------------------------------------------------------------

# port_offset: WINBACK_PORT_OFFSET (default 0), checked: a whole number that keeps every port below 65536.
port_offset() {
  local offset=${WINBACK_PORT_OFFSET:-0}
  [[ $offset =~ ^[0-9]+$ ]] && ((offset <= 50000)) || die "WINBACK_PORT_OFFSET must be a whole number from 0 to 50000: '$offset'"
  echo "$((10#$offset))"
}

# winback_port BASE: BASE (8081 review … 8084 logistics, 8085 the bare app, 8092 a second ticket-service,
# 9092 Kafka) shifted by WINBACK_PORT_OFFSET.
winback_port() {
  echo $(($1 + $(port_offset)))
}

# winback_suffix: "" without an offset, "-<offset>" with one: .local/run-200, .local/kafka-200 keep a second
# stack's state apart from the first one's.
winback_suffix() {
  local offset; offset=$(port_offset)
  ((offset == 0)) || echo "-$offset"
}

# winback_db NAME: the database NAME of this stack (reviews, tickets, …, bare): NAME_<offset> with an offset, so a
# second stack on the same PostgreSQL server never shares the first one's data.
winback_db() {
  local offset; offset=$(port_offset)
  if ((offset == 0)); then echo "$1"; else echo "$1_$offset"; fi
}

# winback_state_dir: where deploy/run keeps pid files, logs, tokens and stack.env for this stack.
winback_state_dir() {
  echo "$WINBACK_ROOT/.local/run$(winback_suffix)"
}

# listener_pid PORT: the pid of the process listening on TCP PORT on this machine (e.g. the PostgreSQL postmaster,
# a Kafka broker); fails if none can be found (or it belongs to a user whose sockets we may not see).
listener_pid() {
  local port=$1 pid="" hex inode fd
  if command -v ss >/dev/null; then
    pid=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
  fi
  if [[ -z $pid ]]; then
    hex=$(printf '%04X' "$port")
    inode=$(awk -v p=":$hex" '$2 ~ (p "$") && $4 == "0A" { print $10; exit }' /proc/net/tcp /proc/net/tcp6 2>/dev/null || true)
    if [[ -n $inode && $inode != 0 ]]; then
      for fd in /proc/[0-9]*/fd/*; do
        if [[ $(readlink "$fd" 2>/dev/null) == "socket:[$inode]" ]]; then
          pid=${fd#/proc/}
          pid=${pid%%/*}
          break
        fi
      done
    fi
  fi
  [[ -n $pid ]] && echo "$pid"
}
