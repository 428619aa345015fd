package org.reciprocity.asks;

/** Who may see a posting: every member, or the author's connections only. */
public enum PostingVisibility {
    COMMUNITY, CONNECTIONS
}
