package com.example.shop;

import com.google.auto.value.AutoValue;
import io.github.lineprof.LineProfile;

/** AutoValue generates AutoValue_Item, also for the instrumented copy of this file. */
@AutoValue
public abstract class Item {
  public abstract String name();

  public abstract long price();

  public abstract int quantity();

  public static Item of(String name, long price, int quantity) {
    return new AutoValue_Item(name, price, quantity);
  }

  @LineProfile
  public long cost() {
    long cost = price() * quantity();
    return cost;
  }
}
