resource "aws_s3_bucket" "this" {
  bucket_prefix = "acme-store-"
}

output "bucket_id" {
  value = aws_s3_bucket.this.id
}
