package org.reciprocity.asks;

public enum PledgeStatus {
    PLEDGED, FULFILLED, LAPSED, WITHDRAWN
}
