"""Lists an ISO image's Joliet tree with pycdlib, as JSON lines, for the end-to-end tests.

The first line holds the volume labels: {"jolietVolume": ..., "primaryVolume": ...}; every further line one
file: {"path": "docs/readme.txt", "size": N, "sha256": "..."}. Exits with 2 when the image has no Joliet tree.
Usage: /usr/bin/python3 joliet_list.py IMAGE
"""
import hashlib
import json
import sys

import pycdlib


class DigestSink:
    """A file-like object that only hashes what pycdlib writes to it."""

    def __init__(self):
        self.digest = hashlib.sha256()

    def write(self, data):
        self.digest.update(data)


def main(image_path):
    iso = pycdlib.PyCdlib()
    iso.open(image_path)
    try:
        if not iso.has_joliet():
            print(json.dumps({"error": "the image has no Joliet tree"}))
            return 2
        print(json.dumps({
            "jolietVolume": iso.joliet_vd.volume_identifier.decode("utf-16-be").rstrip(" \x00"),
            "primaryVolume": iso.pvd.volume_identifier.decode("ascii").rstrip(" "),
        }))
        for root, _, files in iso.walk(joliet_path="/"):
            for name in files:
                path = root.rstrip("/") + "/" + name
                sink = DigestSink()
                iso.get_file_from_iso_fp(sink, joliet_path=path)
                size = iso.get_record(joliet_path=path).get_data_length()
                print(json.dumps({"path": path.lstrip("/"), "size": size, "sha256": sink.digest.hexdigest()}))
        return 0
    finally:
        iso.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
