package org.reciprocity.asks;

public enum PostingStatus {
    OPEN, FULFILLED, CLOSED, EXPIRED
}
