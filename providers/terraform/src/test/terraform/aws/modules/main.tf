module "downloads" {
  source = "./modules/public-bucket"
  name   = "acme-downloads"
}

module "archive" {
  source = "./modules/public-bucket"
  name   = "acme-archive"
  public = false
}
