package io.github.lineprof.internal.swap;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the swap needs to know of a class file, read from its bytes without defining it: the classes
 * its constant pool names and the source file it was compiled from.
 *
 * @param classes the binary names of the classes the constant pool names, e.g. {@code a.B$C}
 * @param sourceFile the {@code SourceFile} attribute, e.g. {@code B.java}, or null without one
 */
record ClassFileFacts(Set<String> classes, String sourceFile) {
  private static final int UTF8 = 1;
  private static final int CLASS = 7;
  private static final int LONG = 5;
  private static final int DOUBLE = 6;

  static ClassFileFacts of(byte[] classFile) {
    try {
      return read(new DataInputStream(new ByteArrayInputStream(classFile)));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a class file: " + e, e);
    }
  }

  private static ClassFileFacts read(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("no class file magic");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNames = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case UTF8 -> utf8[i] = in.readUTF();
        case CLASS -> classNames[i] = in.readUnsignedShort();
        case LONG, DOUBLE -> {
          in.skipNBytes(8);
          i++; // takes two entries
        }
        case 8, 16, 19, 20 -> in.skipNBytes(2); // String, MethodType, Module, Package
        case 15 -> in.skipNBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // int, float, refs, (Invoke)Dynamic
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> classes = new LinkedHashSet<>();
    for (int index : classNames) {
      if (index != 0) {
        classes.add(utf8[index].replace('/', '.'));
      }
    }
    in.skipNBytes(6); // access, this, super
    in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
    for (int members = 0; members < 2; members++) { // fields, then methods
      int n = in.readUnsignedShort();
      for (int i = 0; i < n; i++) {
        in.skipNBytes(6); // access, name, descriptor
        skipAttributes(in);
      }
    }
    String sourceFile = null;
    int attributes = in.readUnsignedShort();
    for (int i = 0; i < attributes; i++) {
      String name = utf8[in.readUnsignedShort()];
      int length = in.readInt();
      if ("SourceFile".equals(name)) {
        sourceFile = utf8[in.readUnsignedShort()];
      } else {
        in.skipNBytes(length);
      }
    }
    return new ClassFileFacts(classes, sourceFile);
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.skipNBytes(2);
      in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
    }
  }
}
