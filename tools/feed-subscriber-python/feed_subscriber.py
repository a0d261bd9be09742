#!/usr/bin/env python3
"""Subscriber of the Longshan event feed (longshan.statistics.v1.EventFeed/Subscribe) that resumes after a restart.

It keeps the cursor of the last event it handled in a file and subscribes "after" it, so a restart (or a lost
connection) continues exactly where it stopped. Each event is handled (here: appended as one JSON line to --output)
*before* its cursor is saved, so a crash between the two hands that one event over again on the next start: handle
events idempotently by their eventId (at-least-once, as on the AMQP exchanges).

Needs only grpcio and protobuf (Debian: python3-grpcio, python3-grpc-tools) and stubs generated from the .proto:

    python3 -m grpc_tools.protoc -I shared/Longshan.Contracts/Protos --python_out=stubs --grpc_python_out=stubs \\
        longshan/statistics/v1/event_feed.proto

    python3 tools/feed-subscriber-python/feed_subscriber.py --stubs stubs --address 127.0.0.1:5141 \\
        --token "$TOKEN" --cursor-file feed.cursor --output events.jsonl [--event-type DecisionRegistered] [--agency CODE]
"""
import argparse
import json
import os
import sys
import threading
import time


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--address", required=True, help="host:port of the statistics service's gRPC endpoint (plaintext HTTP/2)")
    p.add_argument("--token", default=os.environ.get("LONGSHAN_TOKEN"), help="bearer token with role data-center (or $LONGSHAN_TOKEN)")
    p.add_argument("--stubs", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs"), help="folder of the generated stubs")
    p.add_argument("--cursor-file", required=True, help="where the last handled cursor is kept")
    p.add_argument("--output", required=True, help="JSON lines file the events are appended to")
    p.add_argument("--event-type", action="append", default=[], help="only this event type (repeatable)")
    p.add_argument("--agency", action="append", default=[], help="only this agency's events (repeatable)")
    p.add_argument("--stop-after", type=int, default=0, help="exit after handling this many events (0: run until stopped)")
    return p.parse_args(argv)


def read_cursor(path):
    try:
        with open(path, encoding="utf-8") as f:
            return int(f.read().strip() or 0)
    except FileNotFoundError:
        return 0


def save_cursor(path, cursor):
    """Atomically: a crash leaves the old or the new cursor, never half a number."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(str(cursor))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def handle(event, output):
    """The subscriber's own work; here one JSON line per event. Must be idempotent by eventId."""
    line = {
        "cursor": event.cursor,
        "eventType": event.event_type,
        "schemaVersion": event.schema_version,
        "eventId": event.event_id,
        "agencyCode": event.agency_code,
        "occurredAt": event.occurred_at.ToJsonString(),
        "event": json.loads(event.json),
    }
    output.write(json.dumps(line, ensure_ascii=False) + "\n")
    output.flush()
    os.fsync(output.fileno())


class Watchdog:
    """Cancels the call when nothing (event or heartbeat) arrived for two heartbeat intervals: a dead stream."""

    def __init__(self, call, interval_seconds=15.0):
        self.call, self.interval, self.last = call, interval_seconds, time.monotonic()
        self.stopped = threading.Event()
        threading.Thread(target=self.run, daemon=True).start()

    def seen(self, interval_seconds=None):
        self.last = time.monotonic()
        if interval_seconds:
            self.interval = interval_seconds

    def run(self):
        while not self.stopped.wait(1.0):
            if time.monotonic() - self.last > 2 * self.interval + 5:
                self.call.cancel()
                return


def main(argv):
    args = parse_args(argv)
    sys.path.insert(0, args.stubs)
    import grpc
    from longshan.statistics.v1 import event_feed_pb2, event_feed_pb2_grpc

    metadata = [("authorization", "Bearer " + (args.token or ""))]
    handled, backoff = 0, 1.0
    with grpc.insecure_channel(args.address) as channel, open(args.output, "a", encoding="utf-8") as output:
        stub = event_feed_pb2_grpc.EventFeedStub(channel)
        while True:
            cursor = read_cursor(args.cursor_file)
            request = event_feed_pb2.SubscribeRequest(after_cursor=cursor, event_types=args.event_type, agency_codes=args.agency)
            call = stub.Subscribe(request, metadata=metadata)  # no timeout: the stream has no deadline, heartbeats show it lives
            watchdog = Watchdog(call)
            try:
                for message in call:
                    if message.WhichOneof("message") == "heartbeat":
                        watchdog.seen(message.heartbeat.interval.ToTimedelta().total_seconds())
                        continue
                    watchdog.seen()
                    handle(message.event, output)
                    save_cursor(args.cursor_file, message.event.cursor)
                    handled += 1
                    backoff = 1.0
                    if args.stop_after and handled >= args.stop_after:
                        call.cancel()
                        return 0
            except grpc.RpcError as error:
                if error.code() in (grpc.StatusCode.UNAUTHENTICATED, grpc.StatusCode.PERMISSION_DENIED,
                                    grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.FAILED_PRECONDITION):
                    print(f"feed refused: {error.code().name}: {error.details()}", file=sys.stderr)
                    return 2
                print(f"stream ended ({error.code().name}); resuming after cursor {read_cursor(args.cursor_file)}", file=sys.stderr)
            finally:
                watchdog.stopped.set()
            time.sleep(backoff)
            backoff = min(backoff * 2, 30.0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
