# The v3 style: ACL and website as arguments of aws_s3_bucket itself.
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy-downloads"
  acl    = "public-read"

  website {
    index_document = "index.html"
  }
}
