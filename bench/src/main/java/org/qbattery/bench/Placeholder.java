package org.qbattery.bench;
/** Package anchor. */
final class Placeholder {}
