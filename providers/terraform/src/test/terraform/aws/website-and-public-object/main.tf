# A website bucket whose one object is made public by its ACL (ACLs switched back on, Block Public Access off).
resource "aws_s3_bucket" "brochures" {
  bucket = "acme-brochures"
}

resource "aws_s3_bucket_website_configuration" "brochures" {
  bucket = aws_s3_bucket.brochures.id
  index_document {
    suffix = "index.html"
  }
}

resource "aws_s3_bucket_ownership_controls" "brochures" {
  bucket = aws_s3_bucket.brochures.id
  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_public_access_block" "brochures" {
  bucket                  = aws_s3_bucket.brochures.id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_object" "index" {
  bucket  = aws_s3_bucket.brochures.id
  key     = "index.html"
  content = "<h1>Acme</h1>"
  acl     = "public-read"
}
