package io.memberautomation.spi.member;

/** A channel through which the engine reaches a member. */
public enum Channel { EMAIL, SMS }
