# The v3 style replication_configuration copies the data to another account's bucket: bucketguard does not judge it,
# so it is listed as not scanned; the bucket's other settings still are.
resource "aws_s3_bucket" "claims" {
  bucket = "acme-claims-archive"

  versioning {
    enabled = true
  }

  replication_configuration {
    role = "arn:aws:iam::111122223333:role/replication"
    rules {
      id     = "to-partner"
      status = "Enabled"
      destination {
        bucket = "arn:aws:s3:::partner-claims-copy"
      }
    }
  }
}
