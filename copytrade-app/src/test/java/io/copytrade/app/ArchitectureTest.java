package io.copytrade.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

@AnalyzeClasses(packages = "io.copytrade", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String[] CORE = {"io.copytrade.domain..", "io.copytrade.ports.."};

  @ArchTest
  static final ArchRule coreUsesNoFramework = noClasses().that().resideInAnyPackage(CORE)
      .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..",
          "javax.inject..", "retrofit2..", "okhttp3..", "okio..", "com.squareup.moshi..", "org.jdbi..",
          "org.sqlite..", "org.flywaydb..", "dev.failsafe..", "org.slf4j..", "ch.qos.logback..",
          "kotlin..")
      .because("frameworks live in adapters and app");

  @ArchTest
  static final ArchRule coreDoesNoIo = noClasses().that().resideInAnyPackage(CORE)
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "java.nio.file..",
          "java.nio.channels..", "java.net.http..")
      .orShould().dependOnClassesThat().belongToAnyOf(File.class, FileInputStream.class,
          FileOutputStream.class, RandomAccessFile.class, PrintStream.class, System.class)
      .because("I/O lives in adapters; the core is values and rules");

  @ArchTest
  static final ArchRule coreReadsNoWallClock = noClasses().that().resideInAnyPackage(CORE)
      .should().callMethod(Instant.class, "now")
      .orShould().callMethod(LocalDateTime.class, "now")
      .orShould().callMethod(LocalDate.class, "now")
      .orShould().callMethod(ZonedDateTime.class, "now")
      .orShould().callMethod(Clock.class, "systemUTC")
      .orShould().callMethod(Clock.class, "systemDefaultZone")
      .orShould().callMethod(InstantSource.class, "system")
      .because("time arrives as an InstantSource, so tests control it");

  @ArchTest
  static final ArchRule domainDependsOnPortsOnly = classes().that().resideInAPackage("io.copytrade.domain..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("io.copytrade.domain..", "io.copytrade.ports..",
          "java..")
      .because("the domain is pure logic over the ports");

  @ArchTest
  static final ArchRule portsDependOnJdkOnly = classes().that().resideInAPackage("io.copytrade.ports..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("io.copytrade.ports..", "java..");

  @ArchTest
  static final ArchRule dhanAdapterStandsAlone = noClasses().that().resideInAPackage("io.copytrade.dhan..")
      .should().dependOnClassesThat().resideInAnyPackage("io.copytrade.sqlite..", "io.copytrade.app..",
          "io.copytrade.testkit..", "io.copytrade.domain..");

  @ArchTest
  static final ArchRule sqliteAdapterStandsAlone = noClasses().that()
      .resideInAPackage("io.copytrade.sqlite..")
      .should().dependOnClassesThat().resideInAnyPackage("io.copytrade.dhan..", "io.copytrade.app..",
          "io.copytrade.testkit..", "io.copytrade.domain..");

  @ArchTest
  static final ArchRule testkitIsAnIndependentBroker = noClasses().that()
      .resideInAPackage("io.copytrade.testkit..")
      .should().dependOnClassesThat().resideInAnyPackage("io.copytrade.dhan..", "io.copytrade.sqlite..",
          "io.copytrade.app..", "io.copytrade.domain..")
      .because("the fake must implement the wire protocol on its own to check the real client");

  @ArchTest
  static final ArchRule guiceOnlyInApp = noClasses().that().resideOutsideOfPackage("io.copytrade.app..")
      .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..");

  @ArchTest
  static final ArchRule wireTypesStayHome = classes().that().haveSimpleNameEndingWith("Json")
      .should().notBePublic().because("wire formats are the adapter's business");
}
