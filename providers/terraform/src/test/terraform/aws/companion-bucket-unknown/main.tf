# A public policy whose bucket is computed by something that is not a bucket of this plan (a key id stands in for
# any name known only at apply): it may be acme-intake's, so acme-intake's policy is unknown, never "none".
resource "aws_kms_key" "naming" {
  description = "stands in for a name known only at apply"
}

resource "aws_s3_bucket" "intake" {
  bucket = "acme-intake"
}

resource "aws_s3_bucket_policy" "somewhere" {
  bucket = "acme-${aws_kms_key.naming.key_id}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "*"
    }]
  })
}
