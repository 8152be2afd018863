package com.example.shop;

import io.github.lineprof.LineProfile;
import java.io.ByteArrayOutputStream;
import java.util.List;
import lombok.Builder;
import lombok.Getter;
import lombok.SneakyThrows;

@Getter
@Builder
public class Order {
  private final String customer;
  private final List<Item> items;

  @LineProfile
  public long total() {
    long sum = 0;
    for (Item item : getItems()) {
      sum += item.cost();
    }
    return sum;
  }

  @SneakyThrows
  @LineProfile
  public String receipt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((customer + ": " + total()).getBytes("UTF-8"));
    return out.toString("UTF-8");
  }

  /** The other order, @LineProfile first, then @SneakyThrows: users write both. */
  @LineProfile
  @SneakyThrows
  public byte[] customerBytes() {
    byte[] bytes = customer.getBytes("UTF-8");
    return bytes;
  }
}
