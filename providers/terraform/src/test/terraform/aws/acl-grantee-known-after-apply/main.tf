# An ACL whose grantee is decided at apply (any id known only then; a key id stands in for it here): who is granted
# read is unknown, never "an unidentified grantee" and never nobody.
resource "aws_kms_key" "partner" {
  description = "stands in for an id known only at apply"
}

resource "aws_s3_bucket" "handover" {
  bucket = "acme-partner-handover"
}

resource "aws_s3_bucket_ownership_controls" "handover" {
  bucket = aws_s3_bucket.handover.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_acl" "handover" {
  bucket = aws_s3_bucket.handover.id
  access_control_policy {
    grant {
      grantee {
        id   = aws_kms_key.partner.key_id
        type = "CanonicalUser"
      }
      permission = "READ"
    }
    owner {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
}
