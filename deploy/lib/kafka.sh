# shellcheck shell=bash
# A single-node Apache Kafka broker in KRaft mode, from the jars on Maven Central (no Docker).
# Requires common.sh.

KAFKA_LIB="$WINBACK_ROOT/.local/kafka/lib"

# Fetch the broker jars once; later runs reuse them (and Maven's own cache).
kafka_fetch() {
  if [[ -f $KAFKA_LIB/.complete ]]; then return 0; fi
  log "fetching Apache Kafka broker jars (once)…"
  mkdir -p "$KAFKA_LIB"
  "$(mvn_bin)" -q -B -f "$WINBACK_ROOT/deploy/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB" >&2 || die "could not fetch Kafka jars"
  touch "$KAFKA_LIB/.complete"
}

# kafka_start DIR PORT CONTROLLER_PORT [PARTITIONS]: formats DIR on first use, starts the broker,
# waits until it answers. Sets KAFKA_PID.
kafka_start() {
  local dir=$1 port=$2 cport=$3 partitions=${4:-6}
  kafka_fetch
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=$partitions
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
  cat >"$dir/log4j2.yaml" <<'YAML'
Configuration:
  Appenders:
    Console: { name: STDOUT, PatternLayout: { pattern: "[%d] %p %m (%c)%n" } }
  Loggers:
    Root: { level: WARN, AppenderRef: [ { ref: STDOUT } ] }
    Logger:
      - { name: kafka.server.KafkaRaftServer, level: INFO }
YAML
  local java; java=$(java_bin)
  if [[ ! -f $dir/data/meta.properties ]]; then
    "$java" -cp "$KAFKA_LIB/*" kafka.tools.StorageTool format \
      -t "$(cat /proc/sys/kernel/random/uuid)" -c "$dir/server.properties" >"$dir/format.log" 2>&1 \
      || { cat "$dir/format.log" >&2; die "could not format the Kafka log directory $dir/data"; }
  fi
  "$java" -Xms256m -Xmx512m -XX:+UseG1GC -Dlog4j2.configurationFile="$dir/log4j2.yaml" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$dir/server.properties" >"$dir/kafka.log" 2>&1 &
  KAFKA_PID=$!
  echo "$KAFKA_PID" >"$dir/kafka.pid"
  local i
  for ((i = 0; i < 300; i++)); do
    if grep -q 'Kafka Server started' "$dir/kafka.log" 2>/dev/null && port_in_use "$port"; then break; fi
    if ! kill -0 "$KAFKA_PID" 2>/dev/null || ((i == 299)); then
      tail -40 "$dir/kafka.log" >&2
      die "Kafka did not start on 127.0.0.1:$port (log: $dir/kafka.log)"
    fi
    sleep 0.2
  done
  log "Kafka (KRaft) ready on 127.0.0.1:$port, pid $KAFKA_PID"
}
