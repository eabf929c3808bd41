#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft: broker + controller in one JVM)
# for tests and CI, without Docker. The jars come from Maven Central via
# scripts/kafka/pom.xml; everything else lives under <repo>/.cache/kafka.
#
# Usage: bash scripts/kafka/kafka.sh <command>
#   fetch    copy the broker jars into .cache/kafka/libs (skipped if already there)
#   start    fetch if needed, format a fresh log dir, start the broker in the
#            background and wait until it is ready; the last line on stdout is
#            KAFKA_BROKERS=127.0.0.1:<port> (all other output goes to stderr)
#   stop     stop the recorded broker (TERM, then KILL) and remove its run dir
#   status   say whether the recorded broker is running and answering
#            (exit 0 running, 3 not running)
#   logs [n] print the last n (default 100) lines of the broker log
#
# Environment (all optional):
#   KAFKA_PORT=9092            PLAINTEXT listener on 127.0.0.1
#   CONTROLLER_PORT=9093       KRaft controller listener on 127.0.0.1
#   KAFKA_START_TIMEOUT=90     seconds to wait for readiness
#   KAFKA_STOP_TIMEOUT=10      seconds between TERM and KILL
#   KAFKA_HEAP_OPTS="-Xmx512m -Xms256m"
#   KAFKA_JVM_OPTS=            extra JVM options for the broker
#   KAFKA_LOG_LEVEL=INFO       root log level of the broker log file
#   KAFKA_KEEP_RUN=1           stop: keep the run dir (logs, data) instead of removing it
#   KAFKA_CACHE_DIR=<repo>/.cache/kafka
#   KAFKA_MVN_ARGS=            extra arguments for mvn (e.g. -o for offline)
#   JAVA_HOME                  java is taken from $JAVA_HOME/bin if set, else from PATH
#
# In CI:  bash scripts/kafka/kafka.sh start >> "$GITHUB_ENV"   # exports KAFKA_BROKERS
#         ... tests ...
#         bash scripts/kafka/kafka.sh stop                      # always, even on failure
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
CACHE="${KAFKA_CACHE_DIR:-$ROOT/.cache/kafka}"
LIBS="$CACHE/libs"
PID_FILE="$CACHE/broker.pid"
CURRENT_FILE="$CACHE/current"

KAFKA_PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${CONTROLLER_PORT:-9093}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-10}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m}"
KAFKA_JVM_OPTS="${KAFKA_JVM_OPTS:-}"
KAFKA_LOG_LEVEL="${KAFKA_LOG_LEVEL:-INFO}"
KAFKA_MVN_ARGS="${KAFKA_MVN_ARGS:-}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# The Kafka version is whatever the pom asks for.
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$SCRIPT_DIR/pom.xml" | head -n1)"
KAFKA_JAR="kafka_2.13-${KAFKA_VERSION}.jar"

log() { printf 'kafka.sh: %s\n' "$*" >&2; }
die() { printf 'kafka.sh: error: %s\n' "$*" >&2; exit 1; }

need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found on PATH ($2)"; }

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# A process is alive if it exists and is not a zombie waiting to be reaped.
alive() {
  local pid="$1" state
  [[ -n "$pid" ]] || return 1
  if [[ -r "/proc/$pid/stat" ]]; then
    state="$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
    [[ -n "$state" && "$state" != Z ]]
  else
    kill -0 "$pid" 2>/dev/null
  fi
}

# True if pid is a Kafka broker JVM (guards against a recycled PID).
is_broker() {
  local pid="$1"
  alive "$pid" || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 0 # no procfs: trust the pid file
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka'
}

# True if something listens on the TCP port (on any address).
port_in_use() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]] && return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

port_owner() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$port" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n1
  fi
}

check_port_number() {
  [[ "$2" =~ ^[0-9]+$ ]] && ((10#$2 >= 1 && 10#$2 <= 65535)) || die "$1 must be a TCP port number, got '$2'"
}

recorded_pid() { [[ -f "$PID_FILE" ]] && tr -dc '0-9' <"$PID_FILE" || true; }
recorded_run() { [[ -f "$CURRENT_FILE" ]] && head -n1 "$CURRENT_FILE" || true; }

# Remove a run dir, but only one that this script created.
remove_run_dir() {
  local dir="$1"
  [[ -n "$dir" && -d "$dir" ]] || return 0
  case "$dir" in
    "$CACHE"/run-*) rm -rf -- "$dir" ;;
    *) log "not removing $dir (not a run dir under $CACHE)" ;;
  esac
}

# print_logs <run dir> [lines] [file...]: tail of the broker's files (default broker.log stdout.log).
print_logs() {
  local dir="$1" n="${2:-60}" f shown=0
  shift 2 || shift $#
  (($# > 0)) || set -- broker.log stdout.log
  for f in "$@"; do
    [[ -s "$dir/$f" ]] || continue
    printf -- '----- last %s lines of %s -----\n' "$n" "$dir/$f" >&2
    tail -n "$n" "$dir/$f" >&2
    shown=1
  done
  ((shown)) || log "(no output in $dir)"
  return 0
}

# TERM, wait up to KAFKA_STOP_TIMEOUT seconds, then KILL.
kill_broker() {
  local pid="$1" waited=0 limit
  limit=$((KAFKA_STOP_TIMEOUT * 5))
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid" && ((waited < limit)); do
    sleep 0.2
    waited=$((waited + 1))
  done
  if alive "$pid"; then
    log "broker $pid still running after ${KAFKA_STOP_TIMEOUT} s, sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
    waited=0
    while alive "$pid" && ((waited < 25)); do
      sleep 0.2
      waited=$((waited + 1))
    done
    alive "$pid" && die "could not kill broker $pid"
  fi
  return 0
}

cmd_fetch() {
  [[ -n "$KAFKA_VERSION" ]] || die "cannot read <kafka.version> from $SCRIPT_DIR/pom.xml"
  if [[ -f "$LIBS/.complete" && -f "$LIBS/$KAFKA_JAR" ]]; then
    log "jars for Kafka $KAFKA_VERSION already in $LIBS"
    return 0
  fi
  need mvn "install Maven; it fetches the broker jars from Maven Central"
  mkdir -p "$CACHE"
  local t0 tmp
  t0="$(now)"
  tmp="$(mktemp -d "$CACHE/libs.tmp.XXXXXX")"
  log "fetching Kafka $KAFKA_VERSION jars with Maven into $LIBS"
  # Debian's Maven 3.8 prints bare ANSI resets even with -B; the sed drops them
  # (pipefail keeps mvn's exit status).
  # shellcheck disable=SC2086 # KAFKA_MVN_ARGS is a list of words on purpose
  if ! mvn -q -B -Dstyle.color=never $KAFKA_MVN_ARGS -f "$SCRIPT_DIR/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2; then
    rm -rf -- "$tmp"
    die "mvn could not fetch the Kafka jars (see above)"
  fi
  [[ -f "$tmp/$KAFKA_JAR" ]] || { rm -rf -- "$tmp"; die "mvn ran but $KAFKA_JAR is missing"; }
  touch "$tmp/.complete"
  rm -rf -- "$LIBS"
  mv -- "$tmp" "$LIBS"
  log "fetched $(find "$LIBS" -name '*.jar' | wc -l) jars in $(since "$t0") s"
}

write_config() {
  local run="$1"
  cat >"$run/server.properties" <<EOF
# Single-node KRaft broker for tests and CI (written by scripts/kafka/kafka.sh).
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${CONTROLLER_PORT}
listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT}
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=${run}/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
EOF

  # reload4j (log4j 1.x API): the broker log goes to a file in the run dir, not the console.
  # The storage tool gets its own copy so that broker.log holds only the broker.
  local name
  for name in broker storage-tool; do
    cat >"$run/log4j-$name.properties" <<EOF
log4j.rootLogger=${KAFKA_LOG_LEVEL}, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=${run}/$name.log
log4j.appender.file.Append=true
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=${KAFKA_LOG_LEVEL}
log4j.logger.kafka.authorizer.logger=WARN
EOF
  done
}

cmd_start() {
  check_port_number KAFKA_PORT "$KAFKA_PORT"
  check_port_number CONTROLLER_PORT "$CONTROLLER_PORT"
  [[ "$KAFKA_PORT" != "$CONTROLLER_PORT" ]] || die "KAFKA_PORT and CONTROLLER_PORT must differ (both $KAFKA_PORT)"
  [[ "$KAFKA_START_TIMEOUT" =~ ^[0-9]+$ ]] || die "KAFKA_START_TIMEOUT must be whole seconds"
  need "$JAVA" "install Java 17"
  need node "Node is needed for the readiness check"

  local t0 pid run
  t0="$(now)"

  # A broker of ours already running?
  pid="$(recorded_pid)"
  if [[ -n "$pid" ]] && is_broker "$pid"; then
    run="$(recorded_run)"
    die "a broker started by this script is already running (pid $pid, run dir $run); run 'bash scripts/kafka/kafka.sh stop' first"
  fi
  # Leftovers of a broker that died or a failed start.
  if [[ -n "$pid" || -f "$CURRENT_FILE" ]]; then
    log "cleaning up after a broker that is no longer running (pid ${pid:-none})"
    remove_run_dir "$(recorded_run)"
    rm -f -- "$PID_FILE" "$CURRENT_FILE"
  fi

  local port name owner
  for name in KAFKA_PORT CONTROLLER_PORT; do
    port="${!name}"
    if port_in_use "$port"; then
      owner="$(port_owner "$port")"
      die "port $port ($name) is already in use${owner:+ by $owner}; stop that process or choose another port, e.g. ${name}=$((port + 100)) bash scripts/kafka/kafka.sh start"
    fi
  done

  cmd_fetch

  run="$CACHE/run-$(date +%Y%m%d-%H%M%S)-$$"
  mkdir -p "$run/data"
  write_config "$run"
  printf 'KAFKA_BROKERS=127.0.0.1:%s\nKAFKA_PORT=%s\nCONTROLLER_PORT=%s\n' \
    "$KAFKA_PORT" "$KAFKA_PORT" "$CONTROLLER_PORT" >"$run/broker.env"
  printf '%s\n' "$run" >"$CURRENT_FILE"

  local cp="$LIBS/*" log4j="-Dlog4j.configuration=file:$run/log4j-storage-tool.properties"
  local cluster_id
  log "formatting storage in $run/data"
  cluster_id="$("$JAVA" "$log4j" -cp "$cp" kafka.tools.StorageTool random-uuid 2>>"$run/stdout.log" | tail -n1)"
  [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || { print_logs "$run" 60 storage-tool.log stdout.log; die "StorageTool random-uuid gave '$cluster_id'"; }
  if ! "$JAVA" "$log4j" -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$run/server.properties" \
    >>"$run/stdout.log" 2>&1; then
    print_logs "$run" 60 storage-tool.log stdout.log
    die "StorageTool format failed"
  fi

  log4j="-Dlog4j.configuration=file:$run/log4j-broker.properties"
  log "starting Kafka $KAFKA_VERSION (KRaft) on 127.0.0.1:$KAFKA_PORT, controller 127.0.0.1:$CONTROLLER_PORT"
  # setsid: the broker gets its own session, so Ctrl-C in the calling terminal
  # does not reach it; all output goes to files, so $(kafka.sh start) does not hang.
  # shellcheck disable=SC2086 # heap and JVM options are lists of words on purpose
  setsid "$JAVA" $KAFKA_HEAP_OPTS -XX:+UseG1GC -Djava.awt.headless=true $KAFKA_JVM_OPTS \
    "$log4j" -Dkafka.logs.dir="$run" \
    -cp "$cp" kafka.Kafka "$run/server.properties" \
    </dev/null >>"$run/stdout.log" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"

  log "broker pid $pid; waiting up to ${KAFKA_START_TIMEOUT} s until it is ready"
  if ! node "$SCRIPT_DIR/wait-ready.mjs" "$KAFKA_START_TIMEOUT" --brokers "127.0.0.1:$KAFKA_PORT" --pid "$pid"; then
    print_logs "$run" 60
    rm -f -- "$PID_FILE"
    if alive "$pid"; then
      log "stopping the broker that did not become ready"
      kill_broker "$pid"
      die "Kafka did not become ready within ${KAFKA_START_TIMEOUT} s; its files are kept in $run ('kafka.sh stop' removes them)"
    fi
    die "the broker exited during startup (see above); its files are kept in $run ('kafka.sh stop' removes them)"
  fi

  log "Kafka ready in $(since "$t0") s (pid $pid, run dir $run)"
  printf 'KAFKA_BROKERS=127.0.0.1:%s\n' "$KAFKA_PORT"
}

cmd_stop() {
  local pid run
  pid="$(recorded_pid)"
  run="$(recorded_run)"
  if [[ -z "$pid" && -z "$run" ]]; then
    log "no broker recorded in $CACHE; nothing to stop"
    return 0
  fi
  if [[ -n "$pid" ]] && is_broker "$pid"; then
    local t0
    t0="$(now)"
    log "stopping broker $pid"
    kill_broker "$pid"
    log "broker $pid stopped in $(since "$t0") s"
  elif [[ -n "$pid" ]] && alive "$pid"; then
    log "pid $pid is alive but is not a Kafka broker; not killing it"
  else
    log "broker ${pid:+$pid }was not running"
  fi
  rm -f -- "$PID_FILE" "$CURRENT_FILE"
  if [[ "${KAFKA_KEEP_RUN:-}" == 1 ]]; then
    [[ -n "$run" ]] && log "keeping $run"
  else
    remove_run_dir "$run"
  fi
}

cmd_status() {
  local pid run brokers=""
  pid="$(recorded_pid)"
  run="$(recorded_run)"
  if [[ -n "$pid" ]] && is_broker "$pid"; then
    [[ -f "$run/broker.env" ]] && brokers="$(sed -n 's/^KAFKA_BROKERS=//p' "$run/broker.env")"
    local state="not answering"
    if [[ -n "$brokers" ]] && node "$SCRIPT_DIR/wait-ready.mjs" 5 --brokers "$brokers" --quiet 2>/dev/null; then
      state="ready"
    fi
    echo "running: pid $pid, ${brokers:-unknown brokers}, $state, since $(ps -o lstart= -p "$pid" 2>/dev/null || echo '?'), run dir $run"
    return 0
  fi
  if [[ -n "$pid" || -n "$run" ]]; then
    echo "not running (stale record: pid ${pid:-none}, run dir ${run:-none}; 'kafka.sh stop' cleans up)"
  else
    echo "not running"
  fi
  return 3
}

cmd_logs() {
  local run n="${1:-100}"
  run="$(recorded_run)"
  [[ -n "$run" && -d "$run" ]] || die "no current run dir recorded in $CURRENT_FILE"
  [[ "$n" =~ ^[0-9]+$ ]] || die "logs: line count must be a number"
  print_logs "$run" "$n" 2>&1
}

usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    fetch) cmd_fetch ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    -h | --help | help) usage ;;
    "") usage >&2; exit 2 ;;
    *) log "unknown command: $cmd"; usage >&2; exit 2 ;;
  esac
}

main "$@"
