package io.github.lineprof;

import static com.google.common.truth.Truth.assertThat;

import io.github.lineprof.report.stats.ProfileStats;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API wall: what the module exports to everyone names no type of a package it keeps inside, in
 * any public or protected signature (what {@code javap -public} shows): superclasses, interfaces,
 * type parameters, fields, constructors, methods and their exceptions, nested types.
 */
class ApiWallTest {
  private static final ModuleDescriptor MODULE = descriptor();

  /** The packages exported to every module. */
  private static final Set<String> API =
      MODULE.exports().stream()
          .filter(e -> !e.isQualified())
          .map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toSet());

  @Test
  void exportsTheUsersApiAndTheLaunchersEntryPointsOnly() {
    assertThat(MODULE.name()).isEqualTo("io.github.lineprof.runtime");
    assertThat(API)
        .containsExactly(
            "io.github.lineprof",
            "io.github.lineprof.probe",
            "io.github.lineprof.agent",
            "io.github.lineprof.jmh");
    assertThat(MODULE.packages()).contains("io.github.lineprof.internal.run");
  }

  @Test
  void noExportedSignatureNamesAnInternalType() throws IOException {
    List<Class<?>> types = apiTypes();
    // the runtime's API types, so the check looks at the compiled classes and not an empty set
    assertThat(types)
        .containsAtLeast(LineProfiler.class, ProfileResult.class, ProfileOptions.class);
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : types) {
      leaks.addAll(leaks(type));
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void findsAnInternalTypeInEverySortOfSignature() {
    assertThat(leaks(Leaky.class))
        .containsExactly(
            "io.github.lineprof.ApiWallTest$Leaky: extends java.util.ArrayList<"
                + ProfileStats.class.getName()
                + ">",
            "io.github.lineprof.ApiWallTest$Leaky: field stats",
            "io.github.lineprof.ApiWallTest$Leaky: constructor",
            "io.github.lineprof.ApiWallTest$Leaky: method all",
            "io.github.lineprof.ApiWallTest$Leaky: method bounded");
  }

  /** Leaks an internal type in each sort of signature; its private and package members do not. */
  @SuppressWarnings({"serial", "unused"})
  public static class Leaky extends ArrayList<ProfileStats> {
    public ProfileStats stats;
    private ProfileStats hidden;

    protected Leaky(List<? extends ProfileStats> stats) {}

    public List<ProfileStats[]> all() {
      return List.of();
    }

    public <T extends ProfileStats> void bounded(T stats) {}

    ProfileStats packagePrivate() {
      return hidden;
    }
  }

  /** What in {@code type}'s API names a type the module keeps inside; empty when nothing does. */
  private static List<String> leaks(Class<?> type) {
    List<String> leaks = new ArrayList<>();
    String name = type.getName();
    if (inside(type.getGenericSuperclass())) {
      leaks.add(name + ": extends " + type.getGenericSuperclass().getTypeName());
    }
    for (Type implemented : type.getGenericInterfaces()) {
      if (inside(implemented)) {
        leaks.add(name + ": implements " + implemented.getTypeName());
      }
    }
    if (boundsInside(type.getTypeParameters())) {
      leaks.add(name + ": type parameters");
    }
    for (Field field : type.getDeclaredFields()) {
      if (visible(field) && inside(field.getGenericType())) {
        leaks.add(name + ": field " + field.getName());
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (visible(constructor) && inside(constructor)) {
        leaks.add(name + ": constructor");
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (visible(method) && !method.isSynthetic() && inside(method)) {
        leaks.add(name + ": method " + method.getName());
      }
    }
    return leaks;
  }

  private static boolean visible(Member member) {
    return (member.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0;
  }

  private static boolean inside(Executable executable) {
    return Stream.of(
                Stream.of(executable.getGenericParameterTypes()),
                Stream.of(executable.getGenericExceptionTypes()),
                executable instanceof Method method
                    ? Stream.of(method.getGenericReturnType())
                    : Stream.<Type>empty())
            .flatMap(s -> s)
            .anyMatch(ApiWallTest::inside)
        || boundsInside(executable.getTypeParameters());
  }

  /** Whether a declared type parameter's bound names an inside type. */
  private static boolean boundsInside(TypeVariable<?>[] declared) {
    return Stream.of(declared).flatMap(v -> Stream.of(v.getBounds())).anyMatch(ApiWallTest::inside);
  }

  /** Whether {@code type} names, anywhere in it, a type of a package the module does not export. */
  private static boolean inside(Type type) {
    if (type instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      return MODULE.packages().contains(c.getPackageName()) && !API.contains(c.getPackageName());
    }
    if (type instanceof ParameterizedType p) {
      return inside(p.getRawType())
          || (p.getOwnerType() != null && inside(p.getOwnerType()))
          || Stream.of(p.getActualTypeArguments()).anyMatch(ApiWallTest::inside);
    }
    if (type instanceof WildcardType w) {
      return Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
          .anyMatch(ApiWallTest::inside);
    }
    if (type instanceof GenericArrayType a) {
      return inside(a.getGenericComponentType());
    }
    // a type variable: its bounds are checked where it is declared
    return false;
  }

  /** Every type of an exported package that code outside the module can name. */
  private static List<Class<?>> apiTypes() throws IOException {
    Path classes = classes();
    Set<String> names = new TreeSet<>();
    for (String pkg : API) {
      try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
        files
            .map(f -> f.getFileName().toString())
            .filter(f -> f.endsWith(".class"))
            .forEach(f -> names.add(pkg + "." + f.substring(0, f.length() - ".class".length())));
      }
    }
    List<Class<?>> types = new ArrayList<>();
    for (String name : names) {
      Class<?> type = load(name);
      if (reachable(type)) {
        types.add(type);
      }
    }
    return types;
  }

  /** A public type, or a public or protected member type of one. */
  private static boolean reachable(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    int modifiers = type.getModifiers();
    Class<?> enclosing = type.getDeclaringClass();
    return enclosing == null
        ? Modifier.isPublic(modifiers)
        : (modifiers & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0 && reachable(enclosing);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ApiWallTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** The runtime's compiled classes, the module's descriptor among them. */
  private static Path classes() {
    return classesOf(LineProfiler.class);
  }

  /** The folder or jar {@code type} was loaded from. */
  private static Path classesOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The module's descriptor, with every package that holds a class (javac records only some): the
   * runtime's own and lineprof-report's, which the runtime's jar holds too (shaded).
   */
  private static ModuleDescriptor descriptor() {
    Path classes = classes();
    Set<String> packages = new TreeSet<>(packages(classes));
    packages.addAll(packages(classesOf(ProfileStats.class)));
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in, () -> packages);
    } catch (IOException e) {
      throw new AssertionError("no module-info.class beside the runtime's classes", e);
    }
  }

  /** The packages that hold a class in a folder of classes or a jar. */
  private static Set<String> packages(Path location) {
    if (Files.isDirectory(location)) {
      return packagesUnder(location);
    }
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      return packagesUnder(jar.getPath("/"));
    } catch (IOException e) {
      throw new AssertionError("cannot open " + location, e);
    }
  }

  private static Set<String> packagesUnder(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(
              f ->
                  root.relativize(f.getParent())
                      .toString()
                      .replace(f.getFileSystem().getSeparator(), "."))
          .filter(p -> !p.isEmpty())
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new AssertionError("cannot list the classes in " + root, e);
    }
  }
}
