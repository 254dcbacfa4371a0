package io.copytrade.app;

import io.copytrade.ports.broker.AccessToken;
import io.copytrade.ports.broker.TokenSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token kept in a file, re-read whenever the file changes, so a daily token can be rotated without a
 * restart (write the new one to a temporary file and rename it over the old). If the file goes missing or
 * holds no usable token, the last good token stays in use and the problem is logged once.
 */
final class TokenFile implements TokenSource {
  private static final Logger log = LoggerFactory.getLogger(TokenFile.class);

  private final Path file;
  private AccessToken token;
  private FileTime readAt;
  private boolean warned;

  private TokenFile(Path file, AccessToken token, FileTime readAt) {
    this.file = file;
    this.token = token;
    this.readAt = readAt;
  }

  /** Reads the file now; {@code name} is how the user named it, for the error. */
  static TokenFile open(Path file, String name) {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      return new TokenFile(file, read(file), modified);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(name + " (" + file + ") holds no usable token: " + problem(e));
    }
  }

  @Override
  public synchronized AccessToken current() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (!modified.equals(readAt)) {
        token = read(file);
        readAt = modified;
        warned = false;
        log.atInfo().addKeyValue("file", file).log("token_reloaded");
      }
    } catch (IOException | IllegalArgumentException e) {
      if (!warned) {
        log.atWarn().addKeyValue("file", file).addKeyValue("problem", problem(e)).log("token_file_unusable");
        warned = true;
      }
    }
    return token;
  }

  private static AccessToken read(Path file) throws IOException {
    return new AccessToken(Files.readString(file, StandardCharsets.UTF_8).trim());
  }

  /** The exception's kind and message: AccessToken's messages never contain the token itself. */
  private static String problem(Exception e) {
    return e instanceof IOException ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getMessage();
  }

  @Override
  public String toString() {
    return "TokenFile[" + file + "]";
  }
}
