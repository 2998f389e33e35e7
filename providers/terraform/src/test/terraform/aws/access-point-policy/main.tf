# A private bucket opened to everyone through an access point whose own Block Public Access is off.
resource "aws_s3_bucket" "shared" {
  bucket = "acme-partner-exchange"
}

resource "aws_s3_bucket_public_access_block" "shared" {
  bucket                  = aws_s3_bucket.shared.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}

resource "aws_s3_access_point" "partners" {
  bucket = aws_s3_bucket.shared.id
  name   = "partners"
  public_access_block_configuration {
    block_public_acls       = true
    ignore_public_acls      = true
    block_public_policy     = false
    restrict_public_buckets = false
  }
}

resource "aws_s3control_access_point_policy" "partners" {
  access_point_arn = aws_s3_access_point.partners.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:eu-west-1:111122223333:accesspoint/partners/object/*"
    }]
  })
}
