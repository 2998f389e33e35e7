# Two access points under count, each with its own policy: the second one is open to everyone. Each policy attaches
# to its own access point (same index), not to the first one the configuration names.
resource "aws_s3_bucket" "exchange" {
  bucket = "acme-claims-exchange"
}

resource "aws_s3_bucket_public_access_block" "exchange" {
  bucket                  = aws_s3_bucket.exchange.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}

resource "aws_s3_access_point" "desk" {
  count  = 2
  bucket = aws_s3_bucket.exchange.id
  name   = "claims-desk-${count.index}"
  public_access_block_configuration {
    block_public_acls       = true
    ignore_public_acls      = true
    block_public_policy     = false
    restrict_public_buckets = false
  }
}

resource "aws_s3control_access_point_policy" "desk" {
  count            = 2
  access_point_arn = aws_s3_access_point.desk[count.index].arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = count.index == 0 ? { AWS = "arn:aws:iam::111122223333:root" } : { AWS = "*" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:eu-west-1:111122223333:accesspoint/claims-desk-${count.index}/object/*"
    }]
  })
}
