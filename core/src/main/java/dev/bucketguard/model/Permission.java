package dev.bucketguard.model;

/** What a grant allows, in the words shared by the clouds' ACLs. */
public enum Permission {
    /** List the objects. */
    LIST,
    /** Read object data. */
    READ,
    /** Create, overwrite or delete objects. */
    WRITE,
    /** Read the access control (ACL or policy). */
    READ_ACP,
    /** Change the access control: whoever holds it can grant themselves everything else. */
    WRITE_ACP
}
