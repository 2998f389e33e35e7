# terraform.tfstate beside this file holds two buckets that already exist: "acme-old" is gone from the
# configuration (destroyed, so not scanned) and "acme-existing" gets a public policy in this change.
resource "aws_s3_bucket" "existing" {
  bucket = "acme-existing"
}

resource "aws_s3_bucket_policy" "existing" {
  bucket = aws_s3_bucket.existing.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-existing/*"
    }]
  })
}
