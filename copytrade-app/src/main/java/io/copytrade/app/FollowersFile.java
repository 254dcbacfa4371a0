package io.copytrade.app;

import io.copytrade.ports.broker.Credentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The followers file (COPYTRADE_CONFIG), a Java properties file:
 *
 * <pre>
 * followers = alice, bob
 * follower.alice.client_id = 1000000002
 * follower.alice.token_env = ALICE_ACCESS_TOKEN   # the environment variable holding the token
 * follower.bob.token_file = /run/secrets/bob      # or a file, re-read when it changes
 * follower.alice.copy_ratio = 0.5
 * </pre>
 *
 * Tokens never live in the file: it names the environment variable that holds each one. Unknown keys are
 * errors, so a misspelt limit is not silently ignored.
 */
final class FollowersFile {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");
  private static final Set<String> CREDENTIAL_KEYS = Set.of("client_id", "token_env", "token_file");

  private final Path file;
  private final Properties properties;

  private FollowersFile(Path file, Properties properties) {
    this.file = file;
    this.properties = properties;
  }

  static List<FollowerConfig> read(Path file, Map<String, String> env) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("COPYTRADE_CONFIG: cannot read " + file + ": " + e.getMessage());
    }
    return new FollowersFile(file, properties).followers(env);
  }

  private List<FollowerConfig> followers(Map<String, String> env) {
    Set<String> names = names();
    checkKeys(names);
    List<FollowerConfig> followers = new ArrayList<>();
    for (String name : names) {
      SettingsReader section = new SettingsReader(
          key -> Optional.ofNullable(properties.getProperty(key(name, key))), key -> where(key(name, key)));
      Credentials credentials = EnvConfig.credentials(section, "client_id", "token", tokens(section, env));
      followers.add(new FollowerConfig(credentials,
          FollowerSettingsReader.read(credentials.account(), section)));
    }
    return followers;
  }

  /**
   * The token's source: {@code token_file} names a file (re-read when it changes), {@code token_env} an
   * environment variable. Presented to {@link EnvConfig#credentials} as the keys "token" and "token_file".
   */
  private static SettingsReader tokens(SettingsReader section, Map<String, String> env) {
    Optional<String> variable = section.optional("token_env");
    Optional<String> file = section.optional("token_file");
    if (variable.isEmpty() && file.isEmpty()) {
      throw new ConfigException(section.name("token_env") + " or " + section.name("token_file") + " is needed");
    }
    return new SettingsReader(
        key -> key.equals("token_file") ? file : variable.map(env::get),
        key -> key.equals("token_file") ? section.name("token_file")
            : "environment variable " + variable.orElse("?") + " (" + section.name("token_env") + ")");
  }

  private Set<String> names() {
    String list = Optional.ofNullable(properties.getProperty("followers")).map(String::trim).orElse("");
    if (list.isEmpty()) throw new ConfigException(where("followers") + " must list at least one follower");
    Set<String> names = new LinkedHashSet<>();
    for (String name : Arrays.stream(list.split(",")).map(String::trim).toList()) {
      if (!NAME.matcher(name).matches()) {
        throw new ConfigException(where("followers") + ": '" + name + "' is not a name of [a-z0-9_-]");
      }
      if (!names.add(name)) throw new ConfigException(where("followers") + " lists '" + name + "' twice");
    }
    return names;
  }

  private void checkKeys(Set<String> names) {
    for (String key : properties.stringPropertyNames()) {
      if (key.equals("followers")) continue;
      String[] parts = key.split("\\.", 3);
      boolean known = parts.length == 3 && parts[0].equals("follower") && names.contains(parts[1])
          && (CREDENTIAL_KEYS.contains(parts[2]) || FollowerSettingsReader.KEYS.contains(parts[2]));
      if (!known) {
        throw new ConfigException(where(key) + " is not a known setting (expected follower.<name>.<key> "
            + "for a name listed in 'followers')");
      }
    }
  }

  private static String key(String name, String key) {
    return "follower." + name + "." + key;
  }

  private String where(String key) {
    return file.getFileName() + ": " + key;
  }
}
