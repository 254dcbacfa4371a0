package io.copytrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Scratch directories of one measurement (databases, logs), removed after it. */
public final class TempDirs {
  private TempDirs() {}

  public static void delete(Path dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : paths) Files.deleteIfExists(path);
  }
}
