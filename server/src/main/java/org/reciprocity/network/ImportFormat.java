package org.reciprocity.network;

/** The files a member can import contacts from. */
public enum ImportFormat {
    LINKEDIN_CSV,
    VCARD
}
